namespace KhcnTracker.Application.Tasks;

/// <summary>
/// Submit (the reporting agency's staff), approve and return (the province's reviewer, never on a report they entered,
/// edited or submitted) the latest progress report of a task. Approval alone changes the task's public status.
/// </summary>
public sealed class TaskProgressWorkflow(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public Task<SavedTaskReport> SubmitAsync(int taskId, uint? version, CancellationToken ct = default) =>
        ChangeAsync(taskId, version, async (db, task, _) =>
        {
            var (unit, agency) = await TaskReporter.OfAsync(db, task, clock, ct);
            user.EnsureCanReportFor(unit, agency);
            await TaskReporter.EnsureStaffMayWriteAsync(db, unit, clock, ct);
        }, (_, report) => report.Submit(user.Account!, clock.GetUtcNow()), ct);

    public Task<SavedTaskReport> ApproveAsync(int taskId, uint? version, CancellationToken ct = default) =>
        ChangeAsync(taskId, version, (db, _, report) => EnsureCanReviewAsync(db, report, ct),
            (task, report) => report.Approve(task, user.Account!, clock.GetUtcNow()), ct);

    public Task<SavedTaskReport> ReturnAsync(int taskId, uint? version, string reason, CancellationToken ct = default) =>
        ChangeAsync(taskId, version, (db, _, report) => EnsureCanReviewAsync(db, report, ct),
            (_, report) => report.Return(reason, user.Account!, clock.GetUtcNow()), ct);

    /// <summary>
    /// The province's reviewer, never on a report of their own (someone holding both roles), and not in a locked period.
    /// </summary>
    private async Task EnsureCanReviewAsync(IAppDbContext db, TaskProgressReport report, CancellationToken ct)
    {
        user.EnsureCanReview(report.UnitCode, report.IsAuthor);
        await TaskReporter.EnsureReviewerMayWriteAsync(db, report.UnitCode, clock, ct);
    }

    /// <summary>
    /// Authorization first, then the version: a stale version tells who changed the report and how (its percent, its
    /// status) only to a caller who may act on it — anyone else is refused before the comparison.
    /// </summary>
    private async Task<SavedTaskReport> ChangeAsync(int taskId, uint? version, Func<IAppDbContext, PlanTask, TaskProgressReport, Task> authorize,
        Action<PlanTask, TaskProgressReport> change, CancellationToken ct)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        var task = await TaskReporter.TaskAsync(db, taskId, ct);
        var report = await TaskReporter.LatestAsync(db, taskId, ct)
                     ?? throw new NotFoundException("not-found.task-report", taskId);
        await authorize(db, task, report);
        await ChangeSaving.SaveRevisionAsync(db, report, version, TaskReportConflict.Of, () => change(task, report), ct);
        return new SavedTaskReport(report.Id, report.Version);
    }
}
