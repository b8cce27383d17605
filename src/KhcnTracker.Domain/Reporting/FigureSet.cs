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
        var latest = Latest(approved);
        var known = latest.ToDictionary(a => (a.UnitCode, a.IndicatorCode, a.PeriodCode),
            a => new Figure(a.UnitCode, a.IndicatorCode, a.PeriodCode, a.Value, a.Revision, null));
        var gaps = new Dictionary<(string, string, string), ComputedFigure>();
        foreach (var computed in ComputedFigures.Compute(indicators, latest).Concat(ComputedFigures.Combine(units, indicators, latest)))
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
    public static IReadOnlyList<ApprovedFigure> Latest(IEnumerable<ApprovedFigure> approved) =>
        approved.GroupBy(a => (a.UnitCode, a.IndicatorCode, a.PeriodCode)).Select(g => g.MaxBy(a => a.Revision)!).ToList();
}
