using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Progress;

/// <summary>
/// Judges a target from its approved values by the method Open SDG implements (Statistics Canada's), as
/// <c>docs/progress.md</c> states with worked examples:
/// met → Achieved; target year passed and not met → Not achieved; otherwise the growth achieved since the base year over
/// the growth the target needs, R = d · CAGRᵢ / |CAGR_T|: ≥ 0.95 on track, ≥ 0.60 needs acceleration, ≥ 0 off track,
/// below 0 regressing; no value → no data; one point in time → not enough data for a trend; a base of 0 or negative
/// values → not computable, with the reason in <see cref="ProgressResult.Rule"/>.
/// </summary>
public static class ProgressEngine
{
    public const double OnTrackFrom = 0.95;
    public const double NeedsAccelerationFrom = 0.60;
    /// <summary>A target of 0 (none of something, "≤ 0") is aimed at as 0.001 so that its required growth exists, as Open SDG does.</summary>
    private const decimal ZeroTargetReplacement = 0.001m;
    private const double Tolerance = 1e-12;
    private const int MaxShownDecimals = 6;

    public static ProgressResult Evaluate(Target target, Indicator indicator, IReadOnlyList<Observation> observations, int currentYear)
    {
        var values = observations.OrderBy(o => o.Year).ToList();
        if (target.Comparator == Comparator.MilestoneReached) return Milestone(target, values, currentYear);

        // The base: the baseline the document gives, else the earliest approved value.
        Observation? baseline = target.BaselineYear is { } by && target.BaselineValue is { } bv ? new Observation(by, bv) : null;

        var goal = Goal(target, indicator, values);
        if (goal is null) return new ProgressResult(ProgressStatus.NoData, "growth-base-missing", null, null, null, null, null, null, null, null);
        var (targetValue, growthBase) = goal.Value;
        baseline ??= growthBase;

        // Once the target year has passed, only values up to it count.
        var due = target.Year < currentYear;
        var counted = due ? values.Where(v => v.Year <= target.Year).ToList() : values;
        if (counted.Count == 0)
            return new ProgressResult(ProgressStatus.NoData, "no-values", baseline?.Year, baseline?.Value, null, null, targetValue, null, null, null);
        var latest = counted[^1];
        var start = baseline ?? counted[0];

        // Met, or not met once the year has passed: no trend, but the figures it was judged by.
        if (Meets(target, latest.Value, targetValue))
            return new ProgressResult(ProgressStatus.Achieved, "met", start.Year, start.Value, latest.Year, latest.Value, targetValue, null, null, null);
        if (due)
            return new ProgressResult(ProgressStatus.NotAchieved, "year-passed", start.Year, start.Value, latest.Year, latest.Value, targetValue, null, null, null);

        if (latest.Year <= start.Year)
            return new ProgressResult(ProgressStatus.NotEnoughData, "one-point", start.Year, start.Value, latest.Year, latest.Value, targetValue, null, null, null);

        // Which way is better for this target: up to a floor, down to a ceiling or a rank; a band is approached from the side the value is on.
        var (aim, direction) = Aim(target, indicator, latest.Value, targetValue);
        // Growth from 0 has no rate (0 → 5 would be "infinitely fast"): said so rather than an R from a stand-in for the 0.
        if (start.Value == 0)
            return new ProgressResult(ProgressStatus.NotComputable, "zero-base", start.Year, start.Value, latest.Year, latest.Value, aim, null, null, null);
        var current = Cagr(start.Value, latest.Value, latest.Year - start.Year);
        var required = Cagr(start.Value, aim == 0 ? ZeroTargetReplacement : aim, target.Year - start.Year);
        if (double.IsNaN(current) || double.IsNaN(required)) // negative values have no compound growth
            return new ProgressResult(ProgressStatus.NotComputable, "not-computable", start.Year, start.Value, latest.Year, latest.Value, aim, null, null, null);
        var ratio = Ratio(direction * current, required);
        return new ProgressResult(StatusOf(ratio), "trend", start.Year, start.Value, latest.Year, latest.Value, aim, current, required,
            double.IsInfinity(ratio) ? null : ratio);
    }

    /// <summary>
    /// R = d · CAGRᵢ / |CAGR_T|. When the target needs no growth at all (CAGR_T = 0) and is not met, R is +∞ only when the
    /// value moves the right way, −∞ when it moves the wrong way, and 0 (off track) when it does not move.
    /// </summary>
    private static double Ratio(double progress, double required)
    {
        if (Math.Abs(required) >= Tolerance) return progress / Math.Abs(required);
        return progress > Tolerance ? double.PositiveInfinity : progress < -Tolerance ? double.NegativeInfinity : 0;
    }

    /// <summary>The status R gives: ≥ 0.95 on track, ≥ 0.60 needs acceleration, ≥ 0 off track, below 0 regressing.</summary>
    public static ProgressStatus StatusOf(double ratio) =>
        ratio >= OnTrackFrom ? ProgressStatus.OnTrack
        : ratio >= NeedsAccelerationFrom ? ProgressStatus.NeedsAcceleration
        : ratio >= 0 ? ProgressStatus.OffTrack
        : ProgressStatus.Regressing;

    /// <summary>
    /// R as it is shown: rounded to the fewest decimals, at least 2 and at most 6, whose rounded value gives the same
    /// status as R itself (0.94994 → 0.9499, never 0.95 beside "needs acceleration"); failing that, cut towards R's own
    /// band at 6 decimals. So the number a reader sees always agrees with the status beside it.
    /// </summary>
    public static decimal ShownRatio(double ratio)
    {
        if (Math.Abs(ratio) >= 1e12) return (decimal)Math.Round(ratio); // far from every threshold
        var exact = (decimal)ratio;
        var status = StatusOf(ratio);
        for (var decimals = 2; decimals <= MaxShownDecimals; decimals++)
        {
            var rounded = Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
            if (StatusOf((double)rounded) == status) return rounded;
        }
        return Math.Floor(exact * 1_000_000m) / 1_000_000m; // every threshold has 2 decimals: cutting down never crosses one
    }

    /// <summary>Meets the target, whatever its comparator (a value exactly on the target meets it).</summary>
    public static bool Meets(Target target, decimal value, decimal targetValue) => target.Comparator switch
    {
        Comparator.AtLeast => value >= targetValue,
        Comparator.MoreThan => value > targetValue,
        Comparator.AtMost or Comparator.RankWithinTop => value <= targetValue,
        Comparator.LessThan => value < targetValue,
        Comparator.EqualTo => value == targetValue,
        Comparator.Between => value >= targetValue && value <= target.ValueMax,
        _ => false,
    };

    /// <summary>The value to reach: the target's own, or for a growth target the base period's value grown as asked.</summary>
    private static (decimal Value, Observation? GrowthBase)? Goal(Target target, Indicator indicator, IReadOnlyList<Observation> values)
    {
        if (target.Growth is not { } growth) return (target.Value!.Value, null);
        var basis = values.LastOrDefault(v => v.Year <= growth.ToYear && v.Year > growth.FromYear - 1);
        if (basis == default) return null;
        var goal = growth.Mode == GrowthMode.Multiple ? basis.Value * target.Value!.Value : basis.Value * (1 + target.Value!.Value / 100);
        return (goal, basis);
    }

    private static (decimal Aim, int Direction) Aim(Target target, Indicator indicator, decimal latest, decimal targetValue) => target.Comparator switch
    {
        Comparator.AtMost or Comparator.LessThan or Comparator.RankWithinTop => (targetValue, -1),
        Comparator.Between when latest > target.ValueMax => (target.ValueMax!.Value, -1),
        Comparator.Between => (targetValue, +1),
        Comparator.EqualTo => (targetValue, latest > targetValue ? -1 : +1),
        _ => (targetValue, indicator.Direction == Direction.LowerIsBetter ? -1 : +1),
    };

    /// <summary>
    /// Compound annual growth (yᵢ / y₀)^(1/years) − 1; NaN when the values have opposite signs. No value is replaced
    /// here: a target of 0 is replaced by 0.001 by the caller (as Open SDG does for targets only), a base of 0 is not computable.
    /// </summary>
    public static double Cagr(decimal from, decimal to, decimal years) =>
        Math.Pow((double)to / (double)from, 1 / (double)years) - 1;

    /// <summary>A milestone has no trend: reached (1) → achieved; past its year → not achieved; reported 0 before → needs acceleration.</summary>
    private static ProgressResult Milestone(Target target, IReadOnlyList<Observation> values, int currentYear)
    {
        // As for every target, once its year has passed only what was reported up to it counts.
        var counted = target.Year < currentYear ? values.Where(v => v.Year <= target.Year).ToList() : values;
        var latest = counted.Count > 0 ? counted[^1] : (Observation?)null;
        var status = latest?.Value == 1 ? ProgressStatus.Achieved
            : target.Year < currentYear ? ProgressStatus.NotAchieved
            : latest is null ? ProgressStatus.NoData
            : ProgressStatus.NeedsAcceleration;
        return new ProgressResult(status, "milestone", null, null, latest?.Year, latest?.Value, 1, null, null, null);
    }
}
