using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Tasks;

/// <summary>One revision of a task progress report, with the task it is about.</summary>
public sealed record TaskReportView(
    int Id, int TaskId, int TaskNumber, string TaskNameVi, string DocumentCode, string Unit, string Agency, int Revision,
    string Progress, int Percent, string? Note, string Status, string? ReturnReason, string EnteredBy, DateTimeOffset EnteredAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, uint Version)
{
    /// <summary>The status as the domain's type: views compare this, the word is for the API.</summary>
    public bool Is(ValueStatus status) => Status == Catalogue.CatalogueWords.ValueStatus.Format(status);

    internal static TaskReportView Of(TaskProgressReport r, Domain.Catalogue.PlanTask task) => new(
        r.Id, r.TaskId, task.Number, task.NameVi, task.DocumentCode, r.UnitCode, r.AgencyCode, r.Revision,
        CatalogueWords.TaskStatus.Format(r.Progress), r.Percent, r.Note, CatalogueWords.ValueStatus.Format(r.Status), r.ReturnReason,
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
