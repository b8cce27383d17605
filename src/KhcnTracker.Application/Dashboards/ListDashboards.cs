using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Dashboards;

/// <summary>The dashboards of a province, for everyone who reads it (a province of today: with its former units').</summary>
public sealed class ListDashboards(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes)
{
    public async Task<IReadOnlyList<DashboardSummary>> HandleAsync(string unitCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        (await scopes.ForAsync(db, user, ct)).Require(unitCode);
        var rows = await db.Dashboards.AsNoTracking().Where(d => d.UnitCode == unitCode)
            .OrderBy(d => d.Name).ToListAsync(ct);
        return rows.Select(d => new DashboardSummary(d.Id, d.Name, d.Author, d.IndicatorCodes.Length, d.UpdatedAt, IsAuthor(user, d))).ToList();
    }

    internal static bool IsAuthor(ICurrentUser user, Domain.Progress.Dashboard d) =>
        user.CanMakeDashboardsFor(d.UnitCode) && string.Equals(user.Account, d.Author, StringComparison.OrdinalIgnoreCase);
}
