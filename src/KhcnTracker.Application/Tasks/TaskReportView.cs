namespace KhcnTracker.Application.Tasks;

/// <summary>One revision of a task progress report, with the task it is about.</summary>
public sealed record TaskReportView(
    int Id, int TaskId, int TaskNumber, string TaskNameVi, string DocumentCode, string Unit, string Agency, int Revision,
    PlanTaskStatus Progress, int Percent, string? Note, ValueStatus Status, string? ReturnReason, string EnteredBy, DateTimeOffset EnteredAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, uint Version)
{

    internal static TaskReportView Of(TaskProgressReport r, PlanTask task) => new(
        r.Id, r.TaskId, task.Number, task.NameVi, task.DocumentCode, r.UnitCode, r.AgencyCode, r.Revision,
        r.Progress, r.Percent, r.Note, r.Status, r.ReturnReason,
        r.EnteredBy, r.EnteredAt, r.SubmittedBy, r.SubmittedAt, r.ReviewedBy, r.ReviewedAt, r.Version);
}

/// <summary>The answer to a save: which report, at which version (for the next change).</summary>
public sealed record SavedTaskReport(int Id, uint Version);

internal static class TaskReportConflict
{
    /// <summary>Shows the other person's report, so nothing is overwritten silently.</summary>
    public static ConcurrencyConflictException Of(TaskProgressReport current) =>
        new("conflict.task-report", current.EnteredBy, current.Percent, current.Status);
}
