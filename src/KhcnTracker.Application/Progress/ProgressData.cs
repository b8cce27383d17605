using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Application.Progress;

/// <summary>
/// The targets of some units and the approved values they are judged by, read in two queries, and the statuses
/// computed from them. A former unit's series continues under the unit that absorbed it: Vĩnh Phúc's targets are
/// judged by Vĩnh Phúc's values up to the merger and Phú Thọ's after it.
/// </summary>
internal sealed class ProgressData
{
    private readonly Dictionary<(string Unit, string Indicator), List<Approved>> _values;
    private readonly ILookup<(string Unit, string Indicator), ComputedFigure> _gaps;
    private readonly Dictionary<string, AdministrativeUnit> _units;

    public UnitLineage Lineage { get; }
    public int CurrentYear { get; }
    public IReadOnlyDictionary<string, Indicator> Indicators { get; }
    public IReadOnlyList<Target> Targets { get; }

    private ProgressData(IReadOnlyCollection<AdministrativeUnit> units, int currentYear, Dictionary<string, Indicator> indicators,
        List<Target> targets, Dictionary<(string, string), List<Approved>> values, ILookup<(string, string), ComputedFigure> gaps)
    {
        _units = units.ToDictionary(u => u.Code);
        Lineage = new UnitLineage(units);
        CurrentYear = currentYear;
        Indicators = indicators;
        Targets = targets;
        _values = values;
        _gaps = gaps;
    }

    /// <summary>The latest approved revision of each period's value, placed in time; a computed one says how it was worked out.</summary>
    private sealed record Approved(string Period, decimal Year, decimal Value, string UnitCode, ComputedFigure? Computed);

    /// <summary>
    /// Reads the live targets of <paramref name="targetUnits"/> (of some indicators, or all) and every value their series
    /// need: the inputs of computed indicators, and the figures of the provinces a successor absorbed.
    /// </summary>
    public static async Task<ProgressData> LoadAsync(IAppDbContext db, IReadOnlyCollection<AdministrativeUnit> units, int currentYear,
        IReadOnlyCollection<string> targetUnits, IReadOnlyCollection<string>? indicatorCodes, CancellationToken ct)
    {
        var lineage = new UnitLineage(units);
        var valueUnits = targetUnits.SelectMany(lineage.WithSuccessors).SelectMany(lineage.WithPredecessors).Distinct().ToList();

        // Some indicators (a heatmap's five) bring the inputs of those that are computed; the formulas are few.
        var formulas = indicatorCodes is null ? null : await db.Indicators.AsNoTracking().Where(i => i.Formula != null).ToDictionaryAsync(i => i.Code, ct);
        var valueCodes = indicatorCodes is null ? null : ComputedFigures.WithInputs(indicatorCodes, formulas!).ToList();
        var indicatorQuery = db.Indicators.AsNoTracking();
        if (valueCodes is not null) indicatorQuery = indicatorQuery.Where(i => valueCodes.Contains(i.Code));
        var indicators = await indicatorQuery.ToDictionaryAsync(i => i.Code, ct);

        var targetQuery = db.Targets.AsNoTracking().Where(t => !t.IsRetired && targetUnits.Contains(t.UnitCode));
        if (indicatorCodes is not null) targetQuery = targetQuery.Where(t => indicatorCodes.Contains(t.IndicatorCode));
        var targets = await targetQuery.OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct);

        var valueQuery = db.Values.AsNoTracking()
            .Where(v => v.Status == ValueStatus.Approved && v.Value != null && valueUnits.Contains(v.UnitCode));
        if (valueCodes is not null) valueQuery = valueQuery.Where(v => valueCodes.Contains(v.IndicatorCode));
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
        var figures = FigureSet.Of(units, indicators, approved.Select(r => new ApprovedFigure(r.UnitCode, r.IndicatorCode, r.PeriodCode, r.Revision, r.Value)));
        var positions = new Dictionary<string, decimal>();
        var values = figures.Known
            .GroupBy(f => (f.UnitCode, f.IndicatorCode))
            .ToDictionary(g => g.Key, g => g
                .Select(f => new Approved(f.PeriodCode, PositionOf(f.PeriodCode, positions), f.Value, f.UnitCode, f.Computed))
                .OrderBy(a => a.Year).ToList());
        var gaps = figures.Gaps.ToLookup(f => (f.UnitCode, f.IndicatorCode));
        return new ProgressData(units, currentYear, indicators, targets, values, gaps);
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

    private static SeriesPoint ToPoint(Approved a) => new(a.Period, a.Year, a.Value, a.UnitCode, a.Computed is not null,
        a.Computed is { IsCombined: true } c ? c.CombinedFrom : null);

    /// <summary>How a computed point of a unit's series was worked out (null for a typed value).</summary>
    public ComputedFigure? ComputationOf(SeriesPoint point, string indicatorCode) =>
        _values.GetValueOrDefault((point.UnitCode, indicatorCode))?.FirstOrDefault(a => a.Period == point.Period)?.Computed;

    /// <summary>The periods where a unit's computed figure could not be worked out, and why.</summary>
    public IEnumerable<ComputedFigure> GapsFor(string unitCode, string indicatorCode) =>
        Lineage.WithSuccessors(unitCode).SelectMany(code => _gaps[(code, indicatorCode)]);

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
            target.Comparator, target.Value, target.ValueMax,
            target.Growth is { } g ? new GrowthView(CatalogueWords.Growth.Format(g.Mode), g.FromYear, g.ToYear) : null,
            target.BaselineYear, target.BaselineValue,
            result.Status, result.Rule, result.BaseYear, result.BaseValue, latestPeriod, result.LatestValue,
            result.TargetValue, result.CurrentGrowth, result.RequiredGrowth, result.Ratio);
    }

    /// <summary>The target a card or a heatmap cell shows: the nearest one still ahead, else the last one.</summary>
    public static Target? TargetThatMattersNow(IEnumerable<Target> targets, int currentYear)
    {
        var list = targets.ToList();
        return list.Where(t => t.Year >= currentYear).OrderBy(t => t.Year).ThenByDescending(t => t.Id).FirstOrDefault()
            ?? list.OrderByDescending(t => t.Year).ThenByDescending(t => t.Id).FirstOrDefault();
    }

    /// <summary>
    /// An indicator's card in a province: its series, and the target that matters now with its status (the overview's
    /// headline cards, leaders' dashboards, the open pages).
    /// </summary>
    public HeadlineCard CardFor(string indicatorCode, string unitCode)
    {
        var target = TargetThatMattersNow(Targets.Where(t => t.IndicatorCode == indicatorCode), CurrentYear);
        return new HeadlineCard(IndicatorRef(Indicators[indicatorCode]), target is null ? null : Evaluate(target),
            SeriesFor(target?.UnitCode ?? unitCode, indicatorCode));
    }

    /// <summary>How many targets of each area have each status.</summary>
    public static IReadOnlyList<AreaStatusCount> AreaCounts(IReadOnlyCollection<(Target Target, TargetProgress Progress)> statuses,
        IReadOnlyDictionary<string, Indicator> indicators) =>
        Areas.Select(a => new AreaStatusCount(a.Word, ProgressWords.Order.ToDictionary(
            s => s, s => statuses.Count(x => x.Progress.Status == s && indicators[x.Target.IndicatorCode].Areas.HasFlag(a.Area))))).ToList();

    private static readonly (string Word, IndicatorAreas Area)[] Areas =
        [("khcn", IndicatorAreas.Khcn), ("dmst", IndicatorAreas.Dmst), ("cds", IndicatorAreas.Cds)];

    public static TargetIndicatorRef IndicatorRef(Indicator i) =>
        new(i.Code, i.NameVi, i.NameEn, i.Measure, CatalogueWords.FormatAreas(i.Areas), i.Decimals);
}
