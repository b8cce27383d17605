using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Reporting;

/// <summary>A figure that counts: a typed value's latest approved revision, or a computed one (<see cref="Computed"/> says how).</summary>
public sealed record Figure(string UnitCode, string IndicatorCode, string PeriodCode, decimal Value, int Revision, ComputedFigure? Computed);

/// <summary>
/// Every figure that counts for a set of approved values: the latest approved revision of each typed value, each
/// formula indicator's value, and a successor's combined figures before its merger (which stand in for its own).
/// <see cref="Gaps"/> are the computed figures that could not be worked out, with the reason.
/// </summary>
public sealed record FigureSet(IReadOnlyList<Figure> Known, IReadOnlyList<ComputedFigure> Gaps)
{
    public static FigureSet Of(IReadOnlyCollection<AdministrativeUnit> units, IReadOnlyDictionary<string, Indicator> indicators,
        IEnumerable<ApprovedFigure> approved)
    {
        var latest = LatestByKey(approved);
        var known = new Dictionary<(string, string, string), Figure>(latest.Count);
        foreach (var (key, a) in latest) known[key] = new Figure(a.UnitCode, a.IndicatorCode, a.PeriodCode, a.Value, a.Revision, null);
        var gaps = new Dictionary<(string, string, string), ComputedFigure>();
        var figures = latest.Values;
        foreach (var computed in ComputedFigures.Compute(indicators, figures).Concat(ComputedFigures.Combine(units, indicators, figures)))
        {
            var key = (computed.UnitCode, computed.IndicatorCode, computed.PeriodCode);
            known.Remove(key);
            gaps.Remove(key);
            if (computed.Value is { } value) known[key] = new Figure(computed.UnitCode, computed.IndicatorCode, computed.PeriodCode, value, 0, computed);
            else gaps[key] = computed;
        }
        return new FigureSet(known.Values.ToList(), gaps.Values.ToList());
    }

    /// <summary>An approved value that was revised and approved again keeps both rows; the higher revision is the one that counts.</summary>
    public static IReadOnlyCollection<ApprovedFigure> Latest(IEnumerable<ApprovedFigure> approved) => LatestByKey(approved).Values;

    private static Dictionary<(string, string, string), ApprovedFigure> LatestByKey(IEnumerable<ApprovedFigure> approved)
    {
        var latest = new Dictionary<(string, string, string), ApprovedFigure>();
        foreach (var a in approved)
        {
            var key = (a.UnitCode, a.IndicatorCode, a.PeriodCode);
            if (!latest.TryGetValue(key, out var kept) || a.Revision > kept.Revision) latest[key] = a;
        }
        return latest;
    }
}
