using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Progress;

/// <summary>
/// One unit's indicator: its approved values over time with who reported and approved each and the evidence, and the
/// unit's targets for it with their statuses. A former unit's series continues under the unit that absorbed it.
/// </summary>
public sealed class GetIndicatorProgress(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<IndicatorProgress> HandleAsync(string unitCode, string indicatorCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var units = await ProgressScope.UnitsAsync(db, ct);
        var lineage = new UnitLineage(units);
        ProgressScope.Require(user, lineage, unitCode);
        var data = await ProgressData.LoadAsync(db, units, clock.GetLocalNow().Year, [unitCode], [indicatorCode], ct);
        if (!data.Indicators.TryGetValue(indicatorCode, out var indicator))
            throw new NotFoundException($"Không tìm thấy chỉ số {indicatorCode}.");

        var series = data.SeriesFor(unitCode, indicatorCode);
        var chain = lineage.WithSuccessors(unitCode);
        var periods = series.Select(p => p.Period).ToList();
        var rows = await db.Values.AsNoTracking()
            .Where(v => v.Status == ValueStatus.Approved && v.IndicatorCode == indicatorCode && chain.Contains(v.UnitCode) && periods.Contains(v.PeriodCode))
            .ToListAsync(ct);
        var counted = series.Select(p => rows.Where(r => r.UnitCode == p.UnitCode && r.PeriodCode == p.Period).MaxBy(r => r.Revision)!).ToList();
        var ids = counted.Select(r => r.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ValueId)).OrderBy(e => e.Id).ToListAsync(ct))
            .ToLookup(e => e.ValueId);

        var values = series.Zip(counted, (p, r) => new ProvenancePoint(p.Period, p.Year, p.Value, UnitLineage.Ref(lineage.Find(r.UnitCode)!),
            r.Revision, r.Source, r.EnteredBy, r.SubmittedBy, r.ReviewedBy, r.ReviewedAt,
            evidence[r.Id].Select(e => new EvidenceRef(e.Id, e.FileName)).ToList())).ToList();
        var targets = data.Targets.Where(t => t.UnitCode == unitCode).Select(t => data.Evaluate(t, series)).ToList();
        return new IndicatorProgress(UnitLineage.Ref(lineage.Find(unitCode)!), ProgressData.IndicatorRef(indicator), values, targets,
            data.UnitChangesFor(unitCode));
    }
}
