using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>A province's reviewers (or an administrator) choose which of its indicators the open pages publish.</summary>
public sealed class PublishIndicators(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Every live indicator, those with targets in the province (or its former units) first.</summary>
    public async Task<IReadOnlyList<PublicationRow>> ListAsync(string unitCode, CancellationToken ct = default)
    {
        user.EnsureCanPublishFor(unitCode);
        await using var db = await dbFactory.CreateAsync(ct);
        var lineage = new UnitLineage(await db.Units.AsNoTracking().ToListAsync(ct));
        if (lineage.Find(unitCode) is null) throw new NotFoundException("not-found.unit", unitCode);
        var scope = lineage.WithPredecessors(unitCode);
        var withTargets = await db.Targets.Where(t => !t.IsRetired && scope.Contains(t.UnitCode)).Select(t => t.IndicatorCode).Distinct().ToListAsync(ct);
        var published = await db.Publications.Where(p => p.UnitCode == unitCode).Select(p => p.IndicatorCode).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => !i.IsRetired).OrderBy(i => i.NameVi).ToListAsync(ct);
        return indicators.Select(i => new PublicationRow(ProgressData.IndicatorRef(i), published.Contains(i.Code), withTargets.Contains(i.Code)))
            .OrderByDescending(r => r.HasTargets).ToList();
    }

    /// <summary>Publishes or withdraws one indicator; doing what is already done changes nothing.</summary>
    public async Task SetAsync(string unitCode, string indicatorCode, bool published, CancellationToken ct = default)
    {
        user.EnsureCanPublishFor(unitCode);
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Units.FindAsync([unitCode], ct) is null) throw new NotFoundException("not-found.unit", unitCode);
        if (await db.Indicators.FindAsync([indicatorCode], ct) is null) throw new NotFoundException("not-found.indicator", indicatorCode);
        var row = await db.Publications.FindAsync([unitCode, indicatorCode], ct);
        if ((row is not null) == published) return;
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            if (published) db.Publications.Add(new Publication(unitCode, indicatorCode, user.Account!, clock.GetUtcNow()));
            else db.Publications.Remove(row!);
            return Task.CompletedTask;
        });
    }
}
