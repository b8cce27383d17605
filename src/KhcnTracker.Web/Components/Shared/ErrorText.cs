using System.Globalization;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// Turns any refusal into the messages a person reads, in their language: the one helper behind every page's
/// <c>catch (Refusal e)</c>, the API's problem details and the export jobs. A text is the resource <c>Rule.{code}</c>
/// formatted with the refusal's arguments (an enum argument reads its own label, e.g. <c>ValueStatus.draft</c>, in lower case: it stands mid-sentence).
/// </summary>
public static class ErrorText
{
    public static IReadOnlyList<string> Of(Refusal refusal, IStringLocalizer L) => refusal switch
    {
        CommandRejectedException rejected => rejected.Violations.Select(v => Rule(v, L)).ToList(),
        _ => [Text(refusal.Code, refusal.Arguments, refusal.Message, L)],
    };

    /// <summary>All the messages of a refusal in one line (a problem's <c>detail</c>, a job's failure).</summary>
    public static string Line(Refusal refusal, IStringLocalizer L) => string.Join(" ", Of(refusal, L));

    public static string Rule(RuleViolation v, IStringLocalizer L) => Text(v.Code, v.Arguments, v.Message, L);

    public static string Text(string code, IReadOnlyList<object?>? arguments, string fallback, IStringLocalizer L)
    {
        var text = L[$"Rule.{code}"];
        if (text.ResourceNotFound) return fallback;
        if (arguments is null || arguments.Count == 0) return text.Value;
        return string.Format(CultureInfo.CurrentCulture, text.Value, arguments.Select(a => Argument(a, L)).ToArray());
    }

    private static object? Argument(object? argument, IStringLocalizer L) => argument switch
    {
        Enum word => L[$"{word.GetType().Name}.{word.ToString().ToLowerInvariant()}"].Value.ToLower(CultureInfo.CurrentCulture),
        _ => argument,
    };
}
