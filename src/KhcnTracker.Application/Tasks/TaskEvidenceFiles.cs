using KhcnTracker.Application.Reporting;

namespace KhcnTracker.Application.Tasks;

/// <summary>
/// Evidence of a task progress report, checked and stored exactly like a value's (the same store, size limit and
/// content check): the reporting agency's staff attach it to their draft; whoever may read the report downloads it.
/// </summary>
public sealed class TaskEvidenceFiles(IAppDbContextFactory dbFactory, ICurrentUser user, IEvidenceStore store,
    Microsoft.Extensions.Options.IOptions<EvidenceOptions> options, TimeProvider clock)
{
    /// <summary>Attaches a file to the task's latest report, which must be a draft or returned.</summary>
    public async Task<EvidenceView> AttachAsync(int taskId, string fileName, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var task = await TaskReporter.TaskAsync(db, taskId, ct);
        var (unit, agency) = await TaskReporter.OfAsync(db, task, clock, ct);
        user.EnsureCanReportFor(unit, agency);
        var report = await TaskReporter.LatestAsync(db, taskId, ct)
                     ?? throw new NotFoundException("not-found.task-report-unsaved", taskId);
        await TaskReporter.EnsureStaffMayWriteAsync(db, unit, clock, ct);
        using var staged = await EvidenceQuota.StageAsync(db, store, user, unit, content, fileName, options.Value, ct);
        TaskEvidence evidence = null!;
        await EvidenceSaving.SaveAsync(db, store, [staged], ct, () =>
        {
            db.TaskEvidence.Add(evidence = new TaskEvidence(report, fileName, staged.File.ContentType, staged.File.Size, staged.File.Sha256, user.Account!, clock.GetUtcNow()));
            return Task.CompletedTask;
        });
        return ToView(evidence);
    }

    /// <summary>The evidence of several reports in one query (a review list), each checked against the caller's scope.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<EvidenceView>>> ListAsync(IReadOnlyCollection<int> reportIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var units = await db.TaskReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).Select(r => new { r.Id, r.UnitCode }).ToListAsync(ct);
        if (units.Count < reportIds.Count) throw new NotFoundException("not-found.task-reports");
        foreach (var unit in units.Select(u => u.UnitCode).Distinct()) user.EnsureCanReadValuesOf(unit);
        var files = await db.TaskEvidence.AsNoTracking().Where(e => reportIds.Contains(e.ReportId)).OrderBy(e => e.UploadedAt).ToListAsync(ct);
        return files.GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceView>)g.Select(ToView).ToList());
    }

    public async Task<(EvidenceView File, Stream Content)> OpenAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var evidence = await db.TaskEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("not-found.evidence");
        var report = await db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == evidence.ReportId, ct);
        user.EnsureCanReadValuesOf(report.UnitCode);
        return (ToView(evidence), store.Open(evidence.Sha256));
    }

    // EvidenceView names the report in its ValueId: one shape for every evidence list and link.
    private static EvidenceView ToView(TaskEvidence e) =>
        new(e.Id, e.ReportId, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt);
}
