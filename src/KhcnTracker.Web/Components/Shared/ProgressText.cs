using System.Globalization;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>How a status and its figures read on screen: a word, an icon and a colour (never the colour alone).</summary>
public static class ProgressText
{
    public static string Label(string status, IStringLocalizer L) => L[$"Progress.{status}"];

    public static Color ColorOf(string status) => status switch
    {
        "achieved" => Color.Success,
        "on_track" => Color.Info,
        "needs_acceleration" => Color.Warning,
        "off_track" or "regressing" or "not_achieved" => Color.Error,
        _ => Color.Default,
    };

    /// <summary>Background colours of the heatmap, light enough for black text (WCAG AA).</summary>
    public static string CellColour(string? status) => status switch
    {
        "achieved" => "#c8e6c9",
        "on_track" => "#bbdefb",
        "needs_acceleration" => "#ffe0b2",
        "off_track" => "#ffccbc",
        "regressing" or "not_achieved" => "#ef9a9a",
        "no_data" => "#eeeeee",
        _ => "#ffffff",
    };

    /// <summary>Series colours of the status charts, in <see cref="ProgressWords.Order"/>.</summary>
    public static string ChartColour(string status) => status switch
    {
        "achieved" => "#2e7d32",
        "on_track" => "#1976d2",
        "needs_acceleration" => "#ef6c00",
        "off_track" => "#d84315",
        "regressing" => "#b71c1c",
        "not_achieved" => "#6a1b1b",
        _ => "#9e9e9e",
    };

    public static string IconOf(string status) => status switch
    {
        "achieved" => Icons.Material.Filled.CheckCircle,
        "on_track" => Icons.Material.Filled.TrendingUp,
        "needs_acceleration" => Icons.Material.Filled.FastForward,
        "off_track" => Icons.Material.Filled.TrendingFlat,
        "regressing" => Icons.Material.Filled.TrendingDown,
        "not_achieved" => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Filled.HelpOutline,
    };

    public static string Describe(TargetProgress t, IStringLocalizer L) =>
        TargetText.Describe(t.Comparator, t.Value, t.ValueMax, t.Growth, t.Indicator.Unit, L);

    /// <summary>A position in time as a reader says it: 2025 → "2025", 2024.5 → "6T/2025" (the half-year that ends then).</summary>
    public static string Year(decimal? year, IStringLocalizer L) => year switch
    {
        null => "",
        { } y when y == decimal.Truncate(y) => ((int)y).ToString(CultureInfo.InvariantCulture),
        { } y => string.Format(CultureInfo.CurrentCulture, L["Progress.HalfYear"], (int)decimal.Ceiling(y)),
    };

    public static string Period(string? period, IStringLocalizer L) =>
        period is null ? "" : Year(PeriodPosition.Of(period), L);

    public static string Value(decimal? value, Measure measure, IStringLocalizer L) =>
        value is null ? "—" : measure == Measure.Milestone ? (value == 1 ? L["Progress.Reached"] : L["Progress.NotReached"]) : TargetText.Number(value) + TargetText.Suffix(measure, L);

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.##", CultureInfo.CurrentCulture) + " %" : "—";

    public static string Ratio(double? ratio) => ratio?.ToString("0.00", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>Why a target has its status, in one sentence with its figures.</summary>
    public static string Why(TargetProgress t, IStringLocalizer L) => t.Rule switch
    {
        "trend" => string.Format(CultureInfo.CurrentCulture, L["Progress.WhyTrend"], Year(t.BaseYear, L), TargetText.Number(t.BaseValue),
            Period(t.LatestPeriod, L), TargetText.Number(t.LatestValue), Percent(t.CurrentGrowth), Percent(t.RequiredGrowth), Ratio(t.Ratio)),
        _ => L[$"Progress.Rule.{t.Rule}"],
    };
}
