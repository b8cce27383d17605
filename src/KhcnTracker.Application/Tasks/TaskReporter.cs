using KhcnTracker.Application.Reporting.Periods;

namespace KhcnTracker.Application.Tasks;

internal static class TaskReporter
{
    /// <summary>
    /// The province and agency that report a task today: its lead agency, or the department that absorbed it in 2025
    /// (e.g. Vĩnh Phúc's Sở TT&amp;TT → Phú Thọ's Sở KH&amp;CN).
    /// </summary>
    public static async Task<(string Unit, string Agency)> OfAsync(IAppDbContext db, PlanTask task, TimeProvider clock, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => (a.UnitCode, a.Code), ct);
        return AgencyLineage.CurrentFor(task.UnitCode, task.LeadAgencyCode, VietnamTime.Today(clock), agencies);
    }

    /// <summary>
    /// The period task progress counts in: the province's yearly period of today's Vietnam date (decision 0009). A year
    /// whose period has not been made yet restricts nothing.
    /// </summary>
    public static async Task<Domain.Reporting.UnitPeriod?> PeriodAsync(IAppDbContext db, string unitCode, TimeProvider clock, CancellationToken ct) =>
        await Reporting.Periods.UnitPeriods.FindAsync(db, unitCode, VietnamTime.Of(clock.GetUtcNow()).Year.ToString(), ct);

    /// <summary>Staff write task progress only while the province's current period is open.</summary>
    public static async Task EnsureStaffMayWriteAsync(IAppDbContext db, string unitCode, TimeProvider clock, CancellationToken ct) =>
        (await PeriodAsync(db, unitCode, clock, ct))?.EnsureStaffMayWrite();

    /// <summary>Reviewers approve or return task progress unless the province's current period is locked.</summary>
    public static async Task EnsureReviewerMayWriteAsync(IAppDbContext db, string unitCode, TimeProvider clock, CancellationToken ct) =>
        (await PeriodAsync(db, unitCode, clock, ct))?.EnsureReviewerMayWrite();

    public static async Task<PlanTask> TaskAsync(IAppDbContext db, int taskId, CancellationToken ct) =>
        await db.Tasks.FindAsync([taskId], ct) ?? throw new NotFoundException("not-found.task", taskId);

    /// <summary>The revision being worked on (the highest), or null before the first report.</summary>
    public static Task<Domain.Reporting.TaskProgressReport?> LatestAsync(IAppDbContext db, int taskId, CancellationToken ct) =>
        db.TaskReports.Where(r => r.TaskId == taskId).OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
}
