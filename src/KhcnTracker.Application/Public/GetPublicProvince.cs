using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>A province's open page: what it published, as statuses per area and a card each; its tasks counted.</summary>
public sealed class GetPublicProvince(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<PublicProvince> HandleAsync(string unitCode, CancellationToken ct = default)
    {
        user.AllowEveryone();
        await using var db = await dbFactory.CreateAsync(ct);
        var scope = await PublicScope.LoadAsync(db, unitCode, ct);
        var year = VietnamTime.Now(clock).Year;
        var data = await ProgressData.LoadAsync(db, scope.Units, year, scope.UnitCodes, scope.Published, ct);
        var statuses = data.Targets.Select(t => (Target: t, Progress: data.Evaluate(t))).ToList();
        var cards = scope.Published.Where(data.Indicators.ContainsKey).Select(code => data.CardFor(code, unitCode))
            .OrderBy(c => c.Indicator.NameVi).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => !t.IsRetired && scope.UnitCodes.Contains(t.UnitCode)).ToListAsync(ct);
        var summary = new PublicTaskSummary(tasks.Count(t => t.Status == PlanTaskStatus.Done), tasks.Count(t => t.Status == PlanTaskStatus.InProgress),
            tasks.Count(t => t.Status == PlanTaskStatus.NotStarted), tasks.Count(t => t.IsOverdue(year)));
        return new PublicProvince(UnitLineage.Ref(scope.Unit), year, ProgressData.AreaCounts(statuses, data.Indicators), cards, summary);
    }
}
