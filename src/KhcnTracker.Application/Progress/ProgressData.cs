using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Progress;

/// <summary>
/// The targets of some units and the approved values they are judged by, read in two queries, and the statuses
/// computed from them. A former unit's series continues under the unit that absorbed it: Vĩnh Phúc's targets are
/// judged by Vĩnh Phúc's values up to the merger and Phú Thọ's after it.
/// </summary>
internal sealed class ProgressData
{
    private readonly Dictionary<(string Unit, string Indicator), List<Approved>> _values;
    private readonly Dictionary<string, AdministrativeUnit> _units;

    public UnitLineage Lineage { get; }
    public int CurrentYear { get; }
    public IReadOnlyDictionary<string, Indicator> Indicators { get; }
    public IReadOnlyList<Target> Targets { get; }

    private ProgressData(IReadOnlyCollection<AdministrativeUnit> units, int currentYear, Dictionary<string, Indicator> indicators,
        List<Target> targets, Dictionary<(string, string), List<Approved>> values)
    {
        _units = units.ToDictionary(u => u.Code);
        Lineage = new UnitLineage(units);
        CurrentYear = currentYear;
        Indicators = indicators;
        Targets = targets;
        _values = values;
    }

    /// <summary>The latest approved revision of each period's value, placed in time.</summary>
    private sealed record Approved(string Period, decimal Year, decimal Value, string UnitCode);

    /// <summary>Reads the live targets of <paramref name="targetUnits"/> (of some indicators, or all) and every value their series need.</summary>
    public static async Task<ProgressData> LoadAsync(IAppDbContext db, IReadOnlyCollection<AdministrativeUnit> units, int currentYear,
        IReadOnlyCollection<string> targetUnits, IReadOnlyCollection<string>? indicatorCodes, CancellationToken ct)
    {
        var lineage = new UnitLineage(units);
        var valueUnits = targetUnits.SelectMany(lineage.WithSuccessors).Distinct().ToList();

        var indicatorQuery = db.Indicators.AsNoTracking();
        if (indicatorCodes is not null) indicatorQuery = indicatorQuery.Where(i => indicatorCodes.Contains(i.Code));
        var indicators = await indicatorQuery.ToDictionaryAsync(i => i.Code, ct);

        var targetQuery = db.Targets.AsNoTracking().Where(t => !t.IsRetired && targetUnits.Contains(t.UnitCode));
        if (indicatorCodes is not null) targetQuery = targetQuery.Where(t => indicatorCodes.Contains(t.IndicatorCode));
        var targets = await targetQuery.OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct);

        var valueQuery = db.Values.AsNoTracking()
            .Where(v => v.Status == ValueStatus.Approved && v.Value != null && valueUnits.Contains(v.UnitCode));
        if (indicatorCodes is not null) valueQuery = valueQuery.Where(v => indicatorCodes.Contains(v.IndicatorCode));
        var rows = await valueQuery
            .Select(v => new ApprovedRow(v.UnitCode, v.IndicatorCode, v.PeriodCode, v.Revision, v.Value!.Value))
            .ToListAsync(ct);
        return From(units, currentYear, indicators, targets, rows);
    }

    /// <summary>An approved revision of a value, as read from the tables or rebuilt from the audit trail.</summary>
    public sealed record ApprovedRow(string UnitCode, string IndicatorCode, string PeriodCode, int Revision, decimal Value);

    public static ProgressData From(IReadOnlyCollection<AdministrativeUnit> units, int currentYear, Dictionary<string, Indicator> indicators,
        List<Target> targets, IEnumerable<ApprovedRow> approved)
    {
        // An approved value that was revised and approved again keeps both rows; the higher revision is the one that counts.
        var positions = new Dictionary<string, decimal>();
        var values = approved
            .GroupBy(r => (r.UnitCode, r.IndicatorCode, r.PeriodCode))
            .Select(g => g.MaxBy(r => r.Revision)!)
            .GroupBy(r => (r.UnitCode, r.IndicatorCode))
            .ToDictionary(g => g.Key, g => g
                .Select(r => new Approved(r.PeriodCode, PositionOf(r.PeriodCode, positions), r.Value, r.UnitCode))
                .OrderBy(a => a.Year).ToList());
        return new ProgressData(units, currentYear, indicators, targets, values);
    }

    private static decimal PositionOf(string periodCode, Dictionary<string, decimal> cache) =>
        cache.TryGetValue(periodCode, out var year) ? year : cache[periodCode] = PeriodPosition.Of(periodCode);

    /// <summary>
    /// A unit's series of an indicator, continued under the units it merged into: for each period, the value of the unit
    /// that reported for it (Vĩnh Phúc up to 30 June 2025, Phú Thọ after), else the first one in the lineage that has one.
    /// </summary>
    public IReadOnlyList<SeriesPoint> SeriesFor(string unitCode, string indicatorCode)
    {
        var chain = Lineage.WithSuccessors(unitCode);
        if (chain.Count == 1)
            return _values.GetValueOrDefault((unitCode, indicatorCode))?.Select(ToPoint).ToList() ?? [];

        var byPeriod = new Dictionary<string, Approved>();
        foreach (var code in chain)
            foreach (var value in _values.GetValueOrDefault((code, indicatorCode)) ?? [])
            {
                var reporter = Lineage.ReportingUnit(unitCode, ReportingPeriod.StartOf(value.Period));
                if (!byPeriod.TryGetValue(value.Period, out var kept) || (value.UnitCode == reporter && kept.UnitCode != reporter))
                    byPeriod[value.Period] = value;
            }
        return byPeriod.Values.OrderBy(v => v.Year).Select(ToPoint).ToList();
    }

    private static SeriesPoint ToPoint(Approved a) => new(a.Period, a.Year, a.Value, a.UnitCode);

    /// <summary>Where a former unit's series passes to its successor, placed in time like the values.</summary>
    public IReadOnlyList<UnitChange> UnitChangesFor(string unitCode)
    {
        var chain = Lineage.WithSuccessors(unitCode);
        var changes = new List<UnitChange>();
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var from = _units[chain[i]];
            if (from.MergedOn is not { } on) continue;
            var year = on.Year - 1 + Math.Round((on.DayOfYear - 1) / 365m, 2);
            changes.Add(new UnitChange(UnitLineage.Ref(from), UnitLineage.Ref(_units[chain[i + 1]]), on, year));
        }
        return changes;
    }

    public TargetProgress Evaluate(Target target) => Evaluate(target, SeriesFor(target.UnitCode, target.IndicatorCode));

    public TargetProgress Evaluate(Target target, IReadOnlyList<SeriesPoint> series)
    {
        var indicator = Indicators[target.IndicatorCode];
        var observations = series.Select(p => new Observation(p.Year, p.Value)).ToList();
        var result = ProgressEngine.Evaluate(target, indicator, observations, CurrentYear);
        var latestPeriod = result.LatestYear is { } y ? series.LastOrDefault(p => p.Year == y)?.Period : null;
        return new TargetProgress(
            target.Id, UnitLineage.Ref(_units[target.UnitCode]), IndicatorRef(indicator), target.DocumentCode, target.Year,
            CatalogueWords.Comparator.Format(target.Comparator), target.Value, target.ValueMax,
            target.Growth is { } g ? new GrowthView(CatalogueWords.Growth.Format(g.Mode), g.FromYear, g.ToYear) : null,
            target.BaselineYear, target.BaselineValue,
            ProgressWords.Status.Format(result.Status), result.Rule, result.BaseYear, result.BaseValue, latestPeriod, result.LatestValue,
            result.TargetValue, result.CurrentGrowth, result.RequiredGrowth, result.Ratio);
    }

    /// <summary>The target a card or a heatmap cell shows: the nearest one still ahead, else the last one.</summary>
    public static Target? TargetThatMattersNow(IEnumerable<Target> targets, int currentYear)
    {
        var list = targets.ToList();
        return list.Where(t => t.Year >= currentYear).OrderBy(t => t.Year).ThenByDescending(t => t.Id).FirstOrDefault()
            ?? list.OrderByDescending(t => t.Year).ThenByDescending(t => t.Id).FirstOrDefault();
    }

    public static TargetIndicatorRef IndicatorRef(Indicator i) =>
        new(i.Code, i.NameVi, i.NameEn, CatalogueWords.Measure.Format(i.Measure), CatalogueWords.FormatAreas(i.Areas), i.Decimals);
}
