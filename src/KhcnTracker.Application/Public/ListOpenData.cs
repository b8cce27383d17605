using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>
/// The open dataset: every approved value of every published indicator (of one province of today, or of all), each
/// under the unit that reported it, in the order area, indicator, period. Computed indicators are their computed values.
/// </summary>
public sealed class ListOpenData(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<OpenObservation>> HandleAsync(string? unitCode = null, CancellationToken ct = default)
    {
        user.AllowEveryone();
        await using var db = await dbFactory.CreateAsync(ct);
        // One province of today (or not found), else all of them.
        var units = unitCode is null ? await PublicScope.UnitsAsync(db, ct) : (await PublicScope.LoadAsync(db, unitCode, ct)).Units;
        var lineage = new UnitLineage(units);
        var publications = await db.Publications.AsNoTracking().Where(p => unitCode == null || p.UnitCode == unitCode).ToListAsync(ct);
        var year = VietnamTime.Now(clock).Year;
        var result = new List<OpenObservation>();
        foreach (var province in publications.GroupBy(p => p.UnitCode).OrderBy(g => g.Key))
        {
            var codes = province.Select(p => p.IndicatorCode).Order().ToList();
            var scope = lineage.WithPredecessors(province.Key);
            var data = await ProgressData.LoadAsync(db, units, year, scope, codes, ct);
            var approvals = await PublicScope.ApprovalsAsync(db, scope.SelectMany(lineage.WithSuccessors).Distinct().ToList(), codes, ct);
            foreach (var code in codes.Where(data.Indicators.ContainsKey))
            {
                var indicator = data.Indicators[code];
                result.AddRange(data.SeriesFor(province.Key, code).Select(p =>
                {
                    var area = lineage.Find(p.UnitCode)!;
                    return new OpenObservation(area.Code, area.NameVi, area.NameEn, code, indicator.NameVi, indicator.NameEn, indicator.Measure,
                        p.Period, p.Value, approvals.GetValueOrDefault((p.UnitCode, code, p.Period)));
                }));
            }
        }
        return result;
    }
}
