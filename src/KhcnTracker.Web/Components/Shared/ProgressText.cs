using System.Globalization;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
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
        "not_enough_data" => "#e3e7ea",
        "not_computable" => "#e8e0dc",
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
        "not_enough_data" => "#607d8b",
        "not_computable" => "#795548",
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
        "not_enough_data" => Icons.Material.Filled.HourglassEmpty,
        "not_computable" => Icons.Material.Filled.Block,
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

    /// <summary>R with the digits that keep it beside its status (0.94994 → "0,9499", never "0,95" beside "needs acceleration").</summary>
    public static string Ratio(double? ratio) =>
        ratio is { } r ? ProgressEngine.ShownRatio(r).ToString("0.00####", CultureInfo.CurrentCulture) : "—";

    /// <summary>A target's R; a target needing no growth has none, only a direction: +∞ (moving the right way) or −∞.</summary>
    public static string Ratio(TargetProgress t) => t.Ratio is null && t.Rule == "trend" && t.RequiredGrowth == 0
        ? ProgressWords.Status.Parse(t.Status) == ProgressStatus.Regressing ? "−∞" : "+∞"
        : Ratio(t.Ratio);

    /// <summary>Why a target has its status, in one sentence with its figures.</summary>
    public static string Why(TargetProgress t, IStringLocalizer L)
    {
        string Base() => $"{TargetText.Number(t.BaseValue)} ({Year(t.BaseYear, L)})";
        string Latest() => $"{TargetText.Number(t.LatestValue)} ({Period(t.LatestPeriod, L)})";
        string F(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, L[key], args);
        return t.Rule switch
        {
            "trend" => F("Progress.WhyTrend", Year(t.BaseYear, L), TargetText.Number(t.BaseValue), Period(t.LatestPeriod, L),
                TargetText.Number(t.LatestValue), Percent(t.CurrentGrowth), Percent(t.RequiredGrowth), Ratio(t)),
            "met" when t.LatestPeriod is not null => F("Progress.WhyMet", Latest(), TargetText.Number(t.AimedValue), Base()),
            "year-passed" when t.LatestPeriod is not null =>
                F("Progress.WhyYearPassed", t.TargetYear, Latest(), TargetText.Number(t.AimedValue), Base()),
            "one-point" when t.LatestPeriod is not null => F("Progress.WhyOnePoint", Latest()),
            "zero-base" => F("Progress.WhyZeroBase", Base(), Latest()),
            "not-computable" => F("Progress.WhyNegative", Base(), Latest()),
            _ => L[$"Progress.Rule.{t.Rule}"],
        };
    }
}
