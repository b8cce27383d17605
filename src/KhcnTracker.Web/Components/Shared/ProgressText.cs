using System.Globalization;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using MudBlazor;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>How a status and its figures read on screen: a word, an icon and a colour (never the colour alone).</summary>
public static class ProgressText
{
    /// <summary>The status's word where markup carries it (<c>data-status</c>), the same word the API writes.</summary>
    public static string Word(ProgressStatus? status) => status is { } s ? ProgressWords.Status.Format(s) : "none";

    public static Color ColorOf(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => Color.Success,
        ProgressStatus.OnTrack => Color.Info,
        ProgressStatus.NeedsAcceleration => Color.Warning,
        ProgressStatus.OffTrack or ProgressStatus.Regressing or ProgressStatus.NotAchieved => Color.Error,
        _ => Color.Default,
    };

    /// <summary>Background colours of the heatmap, light enough for black text (WCAG AA).</summary>
    public static string CellColour(ProgressStatus? status) => status switch
    {
        ProgressStatus.Achieved => "#c8e6c9",
        ProgressStatus.OnTrack => "#bbdefb",
        ProgressStatus.NeedsAcceleration => "#ffe0b2",
        ProgressStatus.OffTrack => "#ffccbc",
        ProgressStatus.Regressing or ProgressStatus.NotAchieved => "#ef9a9a",
        ProgressStatus.NotEnoughData => "#e3e7ea",
        ProgressStatus.NotComputable => "#e8e0dc",
        ProgressStatus.NoData => "#eeeeee",
        _ => "#ffffff",
    };

    /// <summary>Series colours of the status charts, in <see cref="ProgressWords.Order"/>.</summary>
    public static string ChartColour(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => "#2e7d32",
        ProgressStatus.OnTrack => "#1976d2",
        ProgressStatus.NeedsAcceleration => "#ef6c00",
        ProgressStatus.OffTrack => "#d84315",
        ProgressStatus.Regressing => "#b71c1c",
        ProgressStatus.NotAchieved => "#6a1b1b",
        ProgressStatus.NotEnoughData => "#607d8b",
        ProgressStatus.NotComputable => "#795548",
        _ => "#9e9e9e",
    };

    public static string IconOf(ProgressStatus status) => status switch
    {
        ProgressStatus.Achieved => Icons.Material.Filled.CheckCircle,
        ProgressStatus.OnTrack => Icons.Material.Filled.TrendingUp,
        ProgressStatus.NeedsAcceleration => Icons.Material.Filled.FastForward,
        ProgressStatus.OffTrack => Icons.Material.Filled.TrendingFlat,
        ProgressStatus.Regressing => Icons.Material.Filled.TrendingDown,
        ProgressStatus.NotAchieved => Icons.Material.Filled.Cancel,
        ProgressStatus.NotEnoughData => Icons.Material.Filled.HourglassEmpty,
        ProgressStatus.NotComputable => Icons.Material.Filled.Block,
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
        ? t.Status == ProgressStatus.Regressing ? "−∞" : "+∞"
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
