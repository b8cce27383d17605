using FluentValidation;
using KhcnTracker.Application.Reporting;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Application.Tasks;

/// <summary>
/// The lead agency's staff save their draft report of a task's progress (status, percent done, note). Nothing public
/// changes until a reviewer approves it. <see cref="Version"/> is the version of the latest report the caller read
/// (null for a first report); an approved report is revised into a new draft. The evidence files that come with it and
/// the submission (<see cref="Submit"/>) are one action, one transaction: any refusal leaves no row and no file.
/// </summary>
public sealed record RecordTaskProgressCommand(int TaskId, uint? Version, string Status, int Percent, string? Note,
    bool Submit = false, IReadOnlyList<EvidenceUpload>? Files = null);

public sealed class RecordTaskProgressValidator : AbstractValidator<RecordTaskProgressCommand>
{
    public const int MaxNoteLength = TaskProgressReport.MaxTextLength;

    public RecordTaskProgressValidator()
    {
        RuleFor(c => c.Status).Must(s => CatalogueWords.TaskStatus.TryParse(s, out _)).WithErrorCode("task.status-invalid");
        RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithErrorCode("task-report.percent-invalid");
        RuleFor(c => c.Note).MaximumLength(MaxNoteLength).WithErrorCode("task.note-too-long");
        RuleFor(c => c.Files).Must(f => f is null || f.Count <= SaveValueValidator.MaxFiles).WithErrorCode("evidence.too-many");
    }
}

public sealed class RecordTaskProgress(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<RecordTaskProgressCommand> validator, TimeProvider clock,
    IEvidenceStore store, IOptions<EvidenceOptions> evidenceOptions)
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

        if (latest is not null && latest.IsOutdatedFor(c.Version, by))
            throw TaskReportConflict.Of(latest);

        // The files are read and checked beside the store; they take their place only once the domain accepted everything.
        var staged = new List<StagedEvidence>();
        try
        {
            await EvidenceQuota.StageEachAsync(db, store, user, unit, c.Files, evidenceOptions.Value, staged, ct);
            TaskProgressReport saved = null!;
            await EvidenceSaving.SaveAsync(db, store, staged, ct, async () =>
            {
                if (latest is null)
                    await db.TaskReports.AddAsync(saved = TaskProgressReport.Draft(task, unit, agency, status, c.Percent, c.Note, by, now), ct);
                else if (latest.Status == ValueStatus.Approved)
                {
                    saved = latest.Revise(task, by, now);
                    saved.Edit(status, c.Percent, c.Note, by, now);
                    await db.TaskReports.AddAsync(saved, ct);
                }
                else
                {
                    db.Entry(latest).Property(r => r.Version).OriginalValue = c.Version ?? latest.Version;
                    (saved = latest).Edit(status, c.Percent, c.Note, by, now);
                }
                // The report's id comes from its HiLo sequence on Add, so its evidence rows point at it in the same save.
                for (var i = 0; i < staged.Count; i++)
                    db.TaskEvidence.Add(new TaskEvidence(saved, c.Files![i].FileName, staged[i].File.ContentType, staged[i].File.Size, staged[i].File.Sha256, by, now));
                if (c.Submit) saved.Submit(by, now);
            });
            return new SavedTaskReport(saved.Id, saved.Version);
        }
        finally
        {
            foreach (var file in staged) file.Dispose();
        }
    }
}
