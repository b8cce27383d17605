using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Dashboards;

/// <summary>Its author deletes a dashboard, at the version they read; the trail keeps what it was.</summary>
public sealed class DeleteDashboard(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes)
{
    public async Task HandleAsync(int id, uint version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var dashboard = await db.Dashboards.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dashboard is null || !(await scopes.ForAsync(db, user, ct)).CanRead(dashboard.UnitCode))
            throw new NotFoundException("not-found.dashboard", id);
        user.EnsureCanMakeDashboardsFor(dashboard.UnitCode);
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            dashboard.EnsureAuthor(user.Account!);
            db.Entry(dashboard).Property(d => d.Version).OriginalValue = version;
            db.Dashboards.Remove(dashboard);
            return Task.CompletedTask;
        });
    }
}
