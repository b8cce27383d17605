using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// One revision of a lead agency's report on a task's progress (status, percent done, note, evidence). It goes through
/// review like a reported value; only its approval changes the task's public status, and an approved report never
/// changes: the next change is the next revision.
/// </summary>
public sealed class TaskProgressReport : ReviewedRevision
{
    public const int MaxTextLength = 4000;
    public const int MaxReasonLength = ReportedValue.MaxTextLength;

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    /// <summary>The province and agency reporting (after the 2025 mergers: the successor of the task's lead agency).</summary>
    public string UnitCode { get; private set; } = null!;
    public string AgencyCode { get; private set; } = null!;
    public PlanTaskStatus Progress { get; private set; }
    public int Percent { get; private set; }
    public string? Note { get; private set; }

    private TaskProgressReport() { }

    public static TaskProgressReport Draft(PlanTask task, string unitCode, string agencyCode, PlanTaskStatus progress, int percent,
        string? note, string by, DateTimeOffset at)
    {
        if (task.IsRetired)
            throw new DomainException("task.retired", "The task is retired: no more progress is reported for it.");
        var report = new TaskProgressReport
        {
            TaskId = task.Id, Revision = 1, Status = ValueStatus.Draft,
            UnitCode = Slug.Require(unitCode, "unit"), AgencyCode = Slug.Require(agencyCode, "agency"),
        };
        report.Write(progress, percent, note, by, at);
        return report;
    }

    /// <summary>Staff change their draft, or a returned report (which becomes a draft again).</summary>
    public void Edit(PlanTaskStatus progress, int percent, string? note, string by, DateTimeOffset at)
    {
        EnsureEditable();
        Write(progress, percent, note, by, at);
        Status = ValueStatus.Draft;
    }

    public void Submit(string by, DateTimeOffset at)
    {
        by = Who(by);
        if (Status is not (ValueStatus.Draft or ValueStatus.Returned))
            throw new DomainException("task-report.not-submittable", "Only a draft or a returned report can be submitted.");
        RecordSubmission(by, at);
    }

    /// <summary>Approval is what makes the progress public: the task takes this report's status, percent and note.</summary>
    public void Approve(PlanTask task, string by, DateTimeOffset at)
    {
        if (task.Id != TaskId)
            throw new DomainException("task-report.subject-mismatch", "The task is not this report's.");
        EnsureReviewable(by);
        RecordApproval(by.Trim(), at);
        task.RecordProgress(Progress, Percent, Note);
    }

    public void Return(string reason, string by, DateTimeOffset at)
    {
        EnsureReviewable(by);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("value.return-reason-missing", "Say why the report is returned.");
        if (reason.Length > MaxReasonLength)
            throw new DomainException("value.text-too-long", $"A text holds at most {MaxReasonLength} characters.");
        RecordReturn(reason.Trim(), by.Trim(), at);
    }

    /// <summary>The next revision of an approved report, as a draft with the same figures.</summary>
    public TaskProgressReport Revise(PlanTask task, string by, DateTimeOffset at)
    {
        if (Status != ValueStatus.Approved)
            throw new DomainException("task-report.not-approved", "Only an approved report is revised; change the draft instead.");
        var next = Draft(task, UnitCode, AgencyCode, Progress, Percent, Note, by, at);
        next.Revision = Revision + 1;
        return next;
    }

    /// <summary>Evidence and edits go to a draft or a returned report only.</summary>
    public void EnsureEditable()
    {
        if (Status is ValueStatus.Submitted or ValueStatus.Approved)
            throw new DomainException("task-report.not-editable", "A submitted or approved report cannot be changed: revise it instead.");
    }

    public bool IsAuthor(string account) => Authors.Contains(account.Trim(), StringComparer.OrdinalIgnoreCase);

    private void EnsureReviewable(string by)
    {
        by = Who(by);
        if (Status != ValueStatus.Submitted)
            throw new DomainException("task-report.not-submitted", "Only a submitted report is approved or returned.");
        if (IsAuthor(by))
            throw new DomainException("task-report.own-submission", "Nobody reviews a report they entered, edited or submitted.");
    }

    private void Write(PlanTaskStatus progress, int percent, string? note, string by, DateTimeOffset at)
    {
        by = Who(by);
        if (!Enum.IsDefined(progress))
            throw new DomainException("task.status-invalid", "Unknown task status.");
        if (percent is < 0 or > 100)
            throw new DomainException("task-report.percent-invalid", "Percent done is between 0 and 100.");
        // A status and a percentage that contradict each other would tell leaders two different things.
        if (progress == PlanTaskStatus.Done && percent != 100)
            throw new DomainException("task-report.done-not-100", "A task reported as done is 100% done.");
        if (progress == PlanTaskStatus.NotStarted && percent != 0)
            throw new DomainException("task-report.not-started-not-0", "A task not started is 0% done.");
        if (note?.Length > MaxTextLength)
            throw new DomainException("task.note-too-long", $"A note holds at most {MaxTextLength} characters.");
        Progress = progress;
        Percent = percent;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordEntry(by, at);
    }
}
