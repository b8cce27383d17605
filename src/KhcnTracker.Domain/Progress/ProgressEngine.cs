using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Progress;

/// <summary>
/// Judges a target from its approved values by the method Open SDG implements (Statistics Canada's), as
/// <c>docs/progress.md</c> states with worked examples:
/// met → Achieved; target year passed and not met → Not achieved; otherwise the growth achieved since the base year over
/// the growth the target needs, R = d · CAGRᵢ / |CAGR_T|: ≥ 0.95 on track, ≥ 0.60 needs acceleration, ≥ 0 off track,
/// below 0 regressing; fewer than two points → no data.
/// </summary>
public static class ProgressEngine
{
    public const double OnTrackFrom = 0.95;
    public const double NeedsAccelerationFrom = 0.60;
    private const decimal ZeroReplacement = 0.001m;

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

        if (Meets(target, latest.Value, targetValue))
            return new ProgressResult(ProgressStatus.Achieved, "met", baseline?.Year, baseline?.Value, latest.Year, latest.Value, targetValue, null, null, null);
        if (due)
            return new ProgressResult(ProgressStatus.NotAchieved, "year-passed", baseline?.Year, baseline?.Value, latest.Year, latest.Value, targetValue, null, null, null);

        var start = baseline ?? counted[0];
        if (latest.Year <= start.Year)
            return new ProgressResult(ProgressStatus.NoData, "one-point", start.Year, start.Value, latest.Year, latest.Value, targetValue, null, null, null);

        // Which way is better for this target: up to a floor, down to a ceiling or a rank; a band is approached from the side the value is on.
        var (aim, direction) = Aim(target, indicator, latest.Value, targetValue);
        var current = Cagr(start.Value, latest.Value, latest.Year - start.Year);
        var required = Cagr(start.Value, aim, target.Year - start.Year);
        if (double.IsNaN(current) || double.IsNaN(required)) // negative values have no compound growth
            return new ProgressResult(ProgressStatus.NoData, "not-computable", start.Year, start.Value, latest.Year, latest.Value, aim, null, null, null);
        double ratio;
        if (Math.Abs(required) < 1e-12)
            ratio = direction * current >= 0 ? double.PositiveInfinity : double.NegativeInfinity;
        else
            ratio = direction * current / Math.Abs(required);
        var status = ratio >= OnTrackFrom ? ProgressStatus.OnTrack
            : ratio >= NeedsAccelerationFrom ? ProgressStatus.NeedsAcceleration
            : ratio >= 0 ? ProgressStatus.OffTrack
            : ProgressStatus.Regressing;
        return new ProgressResult(status, "trend", start.Year, start.Value, latest.Year, latest.Value, aim, current, required,
            double.IsInfinity(ratio) ? null : ratio);
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

    /// <summary>Compound annual growth; values of 0 are replaced by 0.001 as Open SDG does.</summary>
    public static double Cagr(decimal from, decimal to, decimal years)
    {
        var a = (double)(from == 0 ? ZeroReplacement : from);
        var b = (double)(to == 0 ? ZeroReplacement : to);
        return Math.Pow(b / a, 1 / (double)years) - 1;
    }

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
