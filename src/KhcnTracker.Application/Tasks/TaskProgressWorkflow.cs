using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Tasks;

/// <summary>
/// Submit (the reporting agency's staff), approve and return (the province's reviewer, never on a report they entered,
/// edited or submitted) the latest progress report of a task. Approval alone changes the task's public status.
/// </summary>
public sealed class TaskProgressWorkflow(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public Task<SavedTaskReport> SubmitAsync(int taskId, uint? version, CancellationToken ct = default) =>
        ChangeAsync(taskId, version, async (db, task, report) =>
        {
            var (unit, agency) = await TaskReporter.OfAsync(db, task, clock, ct);
            user.EnsureCanReportFor(unit, agency);
            await TaskReporter.EnsureStaffMayWriteAsync(db, unit, clock, ct);
            report.Submit(user.Account!, clock.GetUtcNow());
        }, ct);

    public Task<SavedTaskReport> ApproveAsync(int taskId, uint? version, CancellationToken ct = default) =>
        ChangeAsync(taskId, version, async (db, task, report) =>
        {
            EnsureCanReview(report);
            await TaskReporter.EnsureReviewerMayWriteAsync(db, report.UnitCode, clock, ct);
            report.Approve(task, user.Account!, clock.GetUtcNow());
        }, ct);

    public Task<SavedTaskReport> ReturnAsync(int taskId, uint? version, string reason, CancellationToken ct = default) =>
        ChangeAsync(taskId, version, async (db, _, report) =>
        {
            EnsureCanReview(report);
            await TaskReporter.EnsureReviewerMayWriteAsync(db, report.UnitCode, clock, ct);
            report.Return(reason, user.Account!, clock.GetUtcNow());
        }, ct);

    /// <summary>The province's reviewer, and never on a report of their own (someone holding both roles).</summary>
    private void EnsureCanReview(TaskProgressReport report)
    {
        user.EnsureCanReview(report.UnitCode);
        if (report.IsAuthor(user.Account!)) throw new AccessDeniedException();
    }

    private async Task<SavedTaskReport> ChangeAsync(int taskId, uint? version, Func<IAppDbContext, PlanTask, TaskProgressReport, Task> change, CancellationToken ct)
    {
        if (!user.IsAuthenticated) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateAsync(ct);
        var task = await TaskReporter.TaskAsync(db, taskId, ct);
        var report = await TaskReporter.LatestAsync(db, taskId, ct)
                     ?? throw new NotFoundException($"Nhiệm vụ {taskId} chưa có báo cáo tiến độ.");
        if (version is { } v && v != report.Version)
            throw new ConcurrencyConflictException(TaskReportConflict.Message(report));
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            await change(db, task, report);
            if (version is { } expected) db.Entry(report).Property(x => x.Version).OriginalValue = expected;
        });
        return new SavedTaskReport(report.Id, report.Version);
    }
}
