using FluentValidation;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Tasks;

/// <summary>
/// The lead agency's staff save their draft report of a task's progress (status, percent done, note). Nothing public
/// changes until a reviewer approves it. <see cref="Version"/> is the version of the latest report the caller read
/// (null for a first report); an approved report is revised into a new draft.
/// </summary>
public sealed record RecordTaskProgressCommand(int TaskId, uint? Version, string Status, int Percent, string? Note);

public sealed class RecordTaskProgressValidator : AbstractValidator<RecordTaskProgressCommand>
{
    public const int MaxNoteLength = TaskProgressReport.MaxTextLength;

    public RecordTaskProgressValidator()
    {
        RuleFor(c => c.Status).Must(s => CatalogueWords.TaskStatus.TryParse(s, out _)).WithErrorCode("task.status-invalid");
        RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithErrorCode("task-report.percent-invalid");
        RuleFor(c => c.Note).MaximumLength(MaxNoteLength).WithErrorCode("task.note-too-long");
    }
}

public sealed class RecordTaskProgress(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<RecordTaskProgressCommand> validator, TimeProvider clock)
{
    public async Task<SavedTaskReport> HandleAsync(RecordTaskProgressCommand c, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var task = await TaskReporter.TaskAsync(db, c.TaskId, ct);
        var (unit, agency) = await TaskReporter.OfAsync(db, task, clock, ct);
        user.EnsureCanReportFor(unit, agency);
        await validator.EnsureValidAsync(c, ct);
        await TaskReporter.EnsureStaffMayWriteAsync(db, unit, clock, ct);
        var by = user.Account!;
        var now = clock.GetUtcNow();
        var status = CatalogueWords.TaskStatus.Parse(c.Status);
        var latest = await TaskReporter.LatestAsync(db, task.Id, ct);

        // Without a version (API callers), the caller may only update their own draft or revise an approved report.
        var unversionedOk = c.Version is null && (latest is null || latest.Status == ValueStatus.Approved
            || (latest.Status is ValueStatus.Draft or ValueStatus.Returned && string.Equals(latest.EnteredBy, by, StringComparison.OrdinalIgnoreCase)));
        if (latest is not null && !unversionedOk && latest.Version != c.Version)
            throw new ConcurrencyConflictException(TaskReportConflict.Message(latest));

        TaskProgressReport saved = null!;
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            if (latest is null)
                db.TaskReports.Add(saved = TaskProgressReport.Draft(task, unit, agency, status, c.Percent, c.Note, by, now));
            else if (latest.Status == ValueStatus.Approved)
            {
                saved = latest.Revise(task, by, now);
                saved.Edit(status, c.Percent, c.Note, by, now);
                db.TaskReports.Add(saved);
            }
            else
            {
                db.Entry(latest).Property(r => r.Version).OriginalValue = c.Version ?? latest.Version;
                (saved = latest).Edit(status, c.Percent, c.Note, by, now);
            }
            return Task.CompletedTask;
        });
        return new SavedTaskReport(saved.Id, saved.Version);
    }
}
