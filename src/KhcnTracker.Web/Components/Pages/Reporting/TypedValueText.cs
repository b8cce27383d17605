using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;
using KhcnTracker.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Components.Pages.Reporting;

/// <summary>What the single-value dialog and the form say about a typed figure and about a figure outside its band.</summary>
public static class TypedValueText
{
    /// <summary>Reads what was typed as the person meant it (12,5 and 12.5 alike), or says why not; nothing else is guessed.</summary>
    public static (decimal? Value, string? Problem) Read(string? text, int decimals, IStringLocalizer L)
    {
        var (value, problem) = TypedNumber.Parse(text, decimals);
        var said = problem switch
        {
            TypedNumberProblem.AmbiguousDot => string.Format(L["Value.AmbiguousDot"], text?.Trim(), text?.Trim().Replace(".", ""), text?.Trim().Replace('.', ',')),
            TypedNumberProblem.AmbiguousComma => string.Format(L["Value.AmbiguousComma"], text?.Trim(), text?.Trim().TrimEnd('0').TrimEnd(','), text?.Trim().Replace(",", "")),
            TypedNumberProblem.NotANumber => string.Format(L["Value.NotANumber"], text?.Trim()),
            _ when value is { } v && decimal.Round(v, decimals) != v => string.Format(L["Value.TooManyDecimals"], text?.Trim(), decimals),
            _ => null,
        };
        return (value, said);
    }

    /// <summary>A figure with the indicator's unit (12,5 %).</summary>
    public static string Figure(ReportingItem item, decimal value, IStringLocalizer L) => TargetText.Number(value) + TargetText.Suffix(item.Measure, L);

    /// <summary>The warnings of <see cref="ReportingItem.WarningsFor"/>, worded: none for a milestone (0 or 1 is never a jump).</summary>
    public static IReadOnlyList<string> Warnings(ReportingItem item, decimal value, IStringLocalizer L)
    {
        if (item.Measure == Measure.Milestone) return [];
        return item.WarningsFor(value).Select(w => w switch
        {
            PlausibilityWarning.BelowExpectedMin => string.Format(L["Form.Warn.BelowMin"], Figure(item, item.Band.ExpectedMin!.Value, L)),
            PlausibilityWarning.AboveExpectedMax => string.Format(L["Form.Warn.AboveMax"], Figure(item, item.Band.ExpectedMax!.Value, L)),
            _ => item.JumpBase is { Value: 0 } zero
                ? string.Format(L["Form.Warn.JumpFromZero"], zero.Period)
                : string.Format(L["Form.Warn.Jump"], Change(PlausibilityBand.JumpOf(value, item.JumpBase!.Value)!.Value),
                    item.JumpBase.Period, Figure(item, item.JumpBase.Value, L), item.Band.JumpPercent),
        }).ToList();
    }

    private static string Change(decimal percent) =>
        (percent > 0 ? "+" : "") + TargetText.Number(decimal.Round(percent, 1)) + " %";
}
