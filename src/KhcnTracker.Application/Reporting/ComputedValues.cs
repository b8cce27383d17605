using KhcnTracker.Application.Progress;

namespace KhcnTracker.Application.Reporting;

/// <summary>
/// The computed indicators' values as the values list shows them: per unit, from that unit's own approved inputs (the
/// figures combined across a merger belong to the successor's progress, see <see cref="FigureSet"/>).
/// </summary>
internal static class ComputedValues
{
    private sealed record InputRow(string UnitCode, string IndicatorCode, string PeriodCode, int Revision, decimal Value, DateTimeOffset? ReviewedAt)
    {
        public ApprovedFigure Figure => new(UnitCode, IndicatorCode, PeriodCode, Revision, Value);
    }

    public static async Task<IReadOnlyList<ValueView>> ListAsync(IAppDbContext db, CallerScope caller, ValueFilter filter, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var computed = indicators.Values.Where(i => i.IsComputed && (filter.Indicator is null || i.Code == filter.Indicator)).Select(i => i.Code).ToList();
        if (computed.Count == 0) return [];
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var readable = units.Select(u => u.Code).Where(u => (filter.Unit is null || u == filter.Unit) && caller.CanRead(u)).ToList();
        var rows = await InputsAsync(db, ComputedFigures.WithInputs(computed, indicators), readable, filter.Period, ct);
        return Views(ComputedFigures.Compute(indicators, FigureSet.Latest(rows.Select(r => r.Figure))), computed, indicators, units, rows)
            .OrderBy(v => v.Unit).ThenBy(v => v.Period).ThenBy(v => v.IndicatorNameVi).ToList();
    }

    /// <summary>Replays the approvals of the inputs in order: after each one, the figure as the portal then computed it.</summary>
    public static async Task<IReadOnlyList<ValueView>> HistoryAsync(IAppDbContext db, string unit, string indicatorCode, string period, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        if (!indicators.TryGetValue(indicatorCode, out var indicator) || !indicator.IsComputed)
            throw new NotFoundException("not-found.computed-indicator", indicatorCode);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var rows = await InputsAsync(db, ComputedFigures.WithInputs([indicatorCode], indicators), [unit], period, ct);
        var history = new List<ValueView>();
        foreach (var moment in rows.Select(r => r.ReviewedAt).Distinct().Order())
        {
            var approvedThen = rows.Where(r => r.ReviewedAt <= moment).ToList();
            var figures = ComputedFigures.Compute(indicators, FigureSet.Latest(approvedThen.Select(r => r.Figure)));
            var view = Views(figures, [indicatorCode], indicators, units, approvedThen).SingleOrDefault();
            if (view is not null && (history.Count == 0 || !SameInputs(history[^1], view))) history.Add(view);
        }
        return history;
    }

    /// <summary>Same figure from the same inputs (values compared too: a nested computed input has no revision of its own).</summary>
    private static bool SameInputs(ValueView a, ValueView b) => a.Value == b.Value &&
        a.Computation!.Inputs.Select(i => (i.IndicatorCode, i.Revision, i.Value)).SequenceEqual(b.Computation!.Inputs.Select(i => (i.IndicatorCode, i.Revision, i.Value)));

    private static async Task<List<InputRow>> InputsAsync(IAppDbContext db, IReadOnlyCollection<string> codes, IReadOnlyCollection<string> units,
        string? period, CancellationToken ct)
    {
        var query = db.Values.AsNoTracking()
            .Where(v => v.Status == ValueStatus.Approved && v.Value != null && codes.Contains(v.IndicatorCode) && units.Contains(v.UnitCode));
        if (period is not null) query = query.Where(v => v.PeriodCode == period);
        return await query.Select(v => new InputRow(v.UnitCode, v.IndicatorCode, v.PeriodCode, v.Revision, v.Value!.Value, v.ReviewedAt)).ToListAsync(ct);
    }

    private static IEnumerable<ValueView> Views(IEnumerable<ComputedFigure> figures, IReadOnlyCollection<string> wanted,
        IReadOnlyDictionary<string, Indicator> indicators, IReadOnlyCollection<AdministrativeUnit> units, IReadOnlyList<InputRow> rows)
    {
        var lineage = new UnitLineage(units);
        var approvedAt = rows.ToDictionary(r => (r.UnitCode, r.IndicatorCode, r.PeriodCode, r.Revision), r => r.ReviewedAt);
        return figures.Where(f => wanted.Contains(f.IndicatorCode)).Select(f =>
        {
            var at = f.Inputs.Select(i => approvedAt.GetValueOrDefault((i.UnitCode, i.IndicatorCode, i.PeriodCode, i.Revision))).Max() ?? DateTimeOffset.MinValue;
            return new ValueView(0, f.UnitCode, f.IndicatorCode, indicators[f.IndicatorCode].NameVi, f.PeriodCode, 0, f.Value, null, null,
                ValueStatus.Approved, null, "system", at, null, null, null, at, 0,
                Computed: true, Computation: ComputationViews.Of(f, indicators, lineage));
        });
    }
}
