using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>
/// A published indicator's open page: its approved values with period and approval date, its targets with statuses, its
/// definition and formula, and the documents its targets come from. An unpublished one answers as a missing one.
/// </summary>
public sealed class GetPublicIndicator(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<PublicIndicator> HandleAsync(string unitCode, string indicatorCode, CancellationToken ct = default)
    {
        user.AllowEveryone();
        await using var db = await dbFactory.CreateAsync(ct);
        var scope = await PublicScope.LoadAsync(db, unitCode, ct);
        if (!scope.Published.Contains(indicatorCode)) throw new NotFoundException("not-found.indicator", indicatorCode);
        var data = await ProgressData.LoadAsync(db, scope.Units, VietnamTime.Now(clock).Year, scope.UnitCodes, [indicatorCode], ct);
        var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == indicatorCode, ct);

        var series = data.SeriesFor(unitCode, indicatorCode);
        var chain = scope.UnitCodes.SelectMany(scope.Lineage.WithSuccessors).Distinct().ToList();
        var approvals = await PublicScope.ApprovalsAsync(db, chain, [indicatorCode], ct);
        var values = series.Select(p => new PublicValue(p.Period, p.Year, p.Value, UnitLineage.Ref(scope.Lineage.Find(p.UnitCode)!),
            approvals.GetValueOrDefault((p.UnitCode, indicatorCode, p.Period)), p.Computed)).ToList();

        var targets = data.Targets.Where(t => scope.UnitCodes.Contains(t.UnitCode)).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => targets.Select(t => t.DocumentCode).Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var sources = targets.Where(t => documents.ContainsKey(t.DocumentCode)).Select(t =>
        {
            var d = documents[t.DocumentCode];
            return new PublicSource(t.Year, d.Code, d.Number, d.TitleVi, d.TitleEn, t.SourceQuote);
        }).ToList();
        return new PublicIndicator(UnitLineage.Ref(scope.Unit), ProgressData.IndicatorRef(indicator), indicator.DefinitionVi, indicator.DefinitionEn,
            indicator.Formula, values, targets.Select(t => data.Evaluate(t, series)).ToList(), sources);
    }
}
