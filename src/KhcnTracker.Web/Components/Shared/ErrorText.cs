using KhcnTracker.Application.Common;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>Turns a refusal of the application layer into the message a person reads, in their language.</summary>
public static class ErrorText
{
    public static IReadOnlyList<string> Of(Exception e, IStringLocalizer L) => e switch
    {
        CommandRejectedException rejected => rejected.Violations.Select(v => Rule(v, L)).ToList(),
        AccessDeniedException => [L["Error.AccessDenied"]],
        // Written by the use case with what the other person saved, so nothing is overwritten unseen.
        ConcurrencyConflictException conflict => [conflict.Message],
        NotFoundException => [L["Error.NotFound"]],
        _ => throw e,
    };

    public static string Rule(RuleViolation v, IStringLocalizer L)
    {
        var text = L[$"Rule.{v.Code}"];
        return text.ResourceNotFound ? v.Message : text.Value;
    }
}
