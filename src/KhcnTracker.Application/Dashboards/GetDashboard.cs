using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Dashboards;

/// <summary>
/// Opens a dashboard: each card is the indicator's headline card in the dashboard's province (latest approved value,
/// trend, the target that matters now and its status), computed as the province overview computes it. A dashboard of a
/// province the caller does not read answers as a missing one.
/// </summary>
public sealed class GetDashboard(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, CallerScopes scopes)
{
    public async Task<DashboardView> HandleAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var dashboard = await db.Dashboards.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dashboard is null || !caller.CanRead(dashboard.UnitCode)) throw new NotFoundException("not-found.dashboard", id);
        var scope = caller.Require(dashboard.UnitCode);
        var year = VietnamTime.Now(clock).Year;
        var data = await ProgressData.LoadAsync(db, caller.Units, year, scope, dashboard.IndicatorCodes, ct);
        var cards = dashboard.IndicatorCodes.Where(data.Indicators.ContainsKey).Select(code => data.CardFor(code, dashboard.UnitCode)).ToList();
        return new DashboardView(dashboard.Id, UnitLineage.Ref(caller.Lineage.Find(dashboard.UnitCode)!), dashboard.Name, dashboard.Author,
            dashboard.UpdatedAt, dashboard.Version, dashboard.IndicatorCodes, cards, ListDashboards.IsAuthor(user, dashboard));
    }
}
