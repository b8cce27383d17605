using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>
/// The national open page: every province of today with the targets that matter now of what it published, one cell an
/// indicator (the tile map takes the one furthest behind). A province that published nothing has no cells and says so.
/// </summary>
public sealed class GetPublicNational(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<PublicNational> HandleAsync(CancellationToken ct = default)
    {
        user.AllowEveryone();
        await using var db = await dbFactory.CreateAsync(ct);
        var units = await PublicScope.UnitsAsync(db, ct);
        var lineage = new UnitLineage(units);
        var published = (await db.Publications.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.UnitCode, p => p.IndicatorCode);
        var provinces = lineage.CurrentProvinces().ToList();
        var year = VietnamTime.Now(clock).Year;
        var scope = provinces.Where(p => published[p.Code].Any()).SelectMany(p => lineage.WithPredecessors(p.Code)).ToList();
        var data = await ProgressData.LoadAsync(db, units, year, scope, published.SelectMany(g => g).Distinct().ToList(), ct);
        var byProvince = data.Targets.ToLookup(t => lineage.Current(t.UnitCode).Code);
        var rows = provinces.Select(p => new HeatmapRow(UnitLineage.Ref(p), published[p.Code].Order()
            .Select(code => new HeatmapCell(code, ProgressData.TargetThatMattersNow(byProvince[p.Code].Where(t => t.IndicatorCode == code), year) is { } t
                ? data.Evaluate(t) : null)).ToList())).ToList();
        return new PublicNational(year, rows);
    }
}
