namespace KhcnTracker.Application.Progress;

/// <summary>
/// One unit's indicator: its approved values over time with who reported and approved each and the evidence, and the
/// unit's targets for it with their statuses. A former unit's series continues under the unit that absorbed it.
/// </summary>
public sealed class GetIndicatorProgress(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock)
{
    public async Task<IndicatorProgress> HandleAsync(string unitCode, string indicatorCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var (units, lineage) = (caller.Units, caller.Lineage);
        caller.Require(unitCode);
        var data = await ProgressData.LoadAsync(db, units, VietnamTime.Now(clock).Year, [unitCode], [indicatorCode], ct);
        if (!data.Indicators.TryGetValue(indicatorCode, out var indicator))
            throw new NotFoundException("not-found.indicator", indicatorCode);

        var series = data.SeriesFor(unitCode, indicatorCode);
        var computations = series.Select(p => data.ComputationOf(p, indicatorCode)).ToList();
        var chain = lineage.WithSuccessors(unitCode);
        var typed = series.Where((_, i) => computations[i] is null).Select(p => p.Period).ToList();
        var rows = await db.Values.AsNoTracking()
            .Where(v => v.Status == ValueStatus.Approved && v.IndicatorCode == indicatorCode && chain.Contains(v.UnitCode) && typed.Contains(v.PeriodCode))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ValueId)).OrderBy(e => e.Id).ToListAsync(ct))
            .ToLookup(e => e.ValueId);
        var approvedAt = await InputApprovalsAsync(db, computations, ct);

        var values = series.Select((p, i) =>
        {
            var reportedFor = UnitLineage.Ref(lineage.Find(p.UnitCode)!);
            if (computations[i] is { } computed)
                return new ProvenancePoint(p.Period, p.Year, p.Value, reportedFor, 0, null, "", null, null,
                    computed.Inputs.Select(x => approvedAt.GetValueOrDefault((x.UnitCode, x.IndicatorCode, x.PeriodCode, x.Revision))).Max(), [],
                    ComputationViews.Of(computed, data.Indicators, lineage));
            var r = rows.Where(r => r.UnitCode == p.UnitCode && r.PeriodCode == p.Period).MaxBy(r => r.Revision)!;
            return new ProvenancePoint(p.Period, p.Year, p.Value, reportedFor, r.Revision, r.Source, r.EnteredBy, r.SubmittedBy, r.ReviewedBy,
                r.ReviewedAt, evidence[r.Id].Select(e => new EvidenceRef(e.Id, e.FileName)).ToList());
        }).ToList();
        var gaps = data.GapsFor(unitCode, indicatorCode).Where(g => series.All(p => p.Period != g.PeriodCode))
            .Select(g => new ComputationGap(g.PeriodCode, PeriodPosition.Of(g.PeriodCode), ComputationViews.Of(g, data.Indicators, lineage)))
            .GroupBy(g => g.Period).Select(g => g.First()).OrderBy(g => g.Year).ToList();
        var targets = data.Targets.Where(t => t.UnitCode == unitCode).Select(t => data.Evaluate(t, series)).ToList();
        return new IndicatorProgress(UnitLineage.Ref(lineage.Find(unitCode)!), ProgressData.IndicatorRef(indicator), values, targets,
            data.UnitChangesFor(unitCode), gaps);
    }

    /// <summary>When each input revision of the computed points was approved.</summary>
    private static async Task<Dictionary<(string, string, string, int), DateTimeOffset?>> InputApprovalsAsync(IAppDbContext db,
        IEnumerable<Domain.Reporting.ComputedFigure?> computations, CancellationToken ct)
    {
        var inputs = computations.OfType<Domain.Reporting.ComputedFigure>().SelectMany(c => c.Inputs).ToList();
        if (inputs.Count == 0) return [];
        var units = inputs.Select(i => i.UnitCode).Distinct().ToList();
        var codes = inputs.Select(i => i.IndicatorCode).Distinct().ToList();
        var periods = inputs.Select(i => i.PeriodCode).Distinct().ToList();
        var rows = await db.Values.AsNoTracking()
            .Where(v => v.Status == ValueStatus.Approved && units.Contains(v.UnitCode) && codes.Contains(v.IndicatorCode) && periods.Contains(v.PeriodCode))
            .Select(v => new { v.UnitCode, v.IndicatorCode, v.PeriodCode, v.Revision, v.ReviewedAt })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.UnitCode, r.IndicatorCode, r.PeriodCode, r.Revision), r => r.ReviewedAt);
    }
}
