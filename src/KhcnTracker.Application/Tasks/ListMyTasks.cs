namespace KhcnTracker.Application.Tasks;

/// <summary>
/// The tasks the caller's agencies report on: those they lead, and those led by departments they absorbed in 2025.
/// Empty for anyone who is not department staff.
/// </summary>
public sealed class ListMyTasks(IAppDbContextFactory dbFactory, ICurrentUser user, ListTasks tasks, TimeProvider clock)
{
    public async Task<IReadOnlyList<TaskView>> HandleAsync(CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        var mine = user.ReportingAgencies().ToHashSet();
        if (mine.Count == 0) return [];
        var today = VietnamTime.Today(clock);
        await using var db = await dbFactory.CreateAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => (a.UnitCode, a.Code), ct);
        var leads = agencies.Keys.Where(key => mine.Contains(AgencyLineage.CurrentFor(key.UnitCode, key.Code, today, agencies))).ToList();
        var all = await tasks.HandleAsync(new TaskFilter(), ct);
        return all.Where(t => leads.Contains((t.Unit.Code, t.LeadAgencyCode))).ToList();
    }
}
