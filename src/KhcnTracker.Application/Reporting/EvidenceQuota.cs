namespace KhcnTracker.Application.Reporting;

/// <summary>
/// Evidence within the quotas of the uploader and of the province (values' and tasks' evidence together): the room left
/// is the most the store reads, so an upload past it is refused while it streams and never stays on disk.
/// </summary>
public static class EvidenceQuota
{
    /// <summary>
    /// Stages every file of a save into <paramref name="staged"/>, which the caller disposes whether or not the save
    /// goes on (so the files staged before a refused one are released too).
    /// </summary>
    public static async Task StageEachAsync(IAppDbContext db, IEvidenceStore store, ICurrentUser user, string unit,
        IReadOnlyList<EvidenceUpload>? files, EvidenceOptions options, List<StagedEvidence> staged, CancellationToken ct)
    {
        foreach (var file in files ?? [])
        {
            await using var content = file.Open();
            staged.Add(await StageAsync(db, store, user, unit, content, file.FileName, options, ct));
        }
    }

    public static async Task<StagedEvidence> StageAsync(IAppDbContext db, IEvidenceStore store, ICurrentUser user, string unit, Stream content,
        string fileName, EvidenceOptions options, CancellationToken ct)
    {
        var account = user.Account!;
        var byUser = (await db.Evidence.Where(e => e.UploadedBy == account).SumAsync(e => (long?)e.Size, ct) ?? 0)
                     + (await db.TaskEvidence.Where(e => e.UploadedBy == account).SumAsync(e => (long?)e.Size, ct) ?? 0);
        var byUnit = (await db.Evidence.Where(e => db.Values.Any(v => v.Id == e.ValueId && v.UnitCode == unit)).SumAsync(e => (long?)e.Size, ct) ?? 0)
                     + (await db.TaskEvidence.Where(e => db.TaskReports.Any(r => r.Id == e.ReportId && r.UnitCode == unit)).SumAsync(e => (long?)e.Size, ct) ?? 0);
        var (userLeft, unitLeft) = (options.UserQuotaBytes - byUser, options.UnitQuotaBytes - byUnit);
        var room = Math.Min(userLeft, unitLeft);
        if (room >= options.MaxBytes) return await store.StageAsync(content, fileName, options.MaxBytes, ct);
        try
        {
            if (room <= 0) throw Full(userLeft <= unitLeft, options);
            return await store.StageAsync(content, fileName, room, ct);
        }
        catch (CommandRejectedException e) when (e.Violations.Any(v => v.Code == "evidence.too-large"))
        {
            throw Full(userLeft <= unitLeft, options);
        }
    }

    private static CommandRejectedException Full(bool person, EvidenceOptions options) => new([new RuleViolation("file", "evidence.quota", person
        ? $"The uploader's evidence quota ({Megabytes(options.UserQuotaBytes)} MB a person) is used up."
        : $"The province's evidence quota ({Megabytes(options.UnitQuotaBytes)} MB a province) is used up.")]);

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);
}
