using KhcnTracker.Application.Reporting.Periods;

namespace KhcnTracker.Application.Reporting;

public sealed record EvidenceView(Guid Id, int ValueId, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A stored file: its SHA-256, size and the content type read from its bytes.</summary>
public sealed record StoredFile(string Sha256, long Size, string ContentType);

/// <summary>
/// An upload read to its end and checked (size, kind by content), waiting beside the store under a temporary name: it
/// takes its permanent place only through <see cref="IEvidenceStore.Keep"/>; disposing it removes what was not kept.
/// </summary>
public abstract class StagedEvidence(StoredFile file) : IDisposable
{
    public StoredFile File { get; } = file;

    public abstract void Dispose();
}

/// <summary>Where evidence files live (content-addressed by SHA-256), implemented in Infrastructure.</summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Reads the upload to its end (at most <paramref name="maxBytes"/>) and checks its kind against its content and its
    /// name; nothing is stored yet, and a refused upload leaves nothing on disk.
    /// </summary>
    Task<StagedEvidence> StageAsync(Stream content, string fileName, long maxBytes, CancellationToken ct);

    /// <summary>Gives a staged file its permanent name; true when the store did not hold these bytes before.</summary>
    bool Keep(StagedEvidence staged);

    /// <summary>Removes a file that <see cref="Keep"/> stored for a change that then failed.</summary>
    void Remove(string sha256);

    Stream Open(string sha256);
}

public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>What one person's evidence (values and tasks) may add up to.</summary>
    public long UserQuotaBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>What one province's evidence may add up to.</summary>
    public long UnitQuotaBytes { get; set; } = 20L * 1024 * 1024 * 1024;
}

/// <summary>The reporting agency's staff attach evidence to a draft; whoever may read the value may download it.</summary>
public sealed class EvidenceFiles(IAppDbContextFactory dbFactory, ICurrentUser user, IEvidenceStore store,
    Microsoft.Extensions.Options.IOptions<EvidenceOptions> options, TimeProvider clock)
{
    public async Task<EvidenceView> AttachAsync(int valueId, string fileName, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var value = user.Readable(await db.Values.FindAsync([valueId], ct), v => v.UnitCode, "not-found.value", valueId);
        await user.EnsureReportsForAsync(db, value.UnitCode, value.IndicatorCode, ct);
        // A closed or locked period takes no evidence: refused before a byte is read.
        (await Periods.UnitPeriods.GetAsync(db, value.UnitCode, value.PeriodCode, ct)).EnsureStaffMayWrite();
        using var staged = await EvidenceQuota.StageAsync(db, store, user, value.UnitCode, content, fileName, options.Value, ct);
        Evidence evidence = null!;
        await EvidenceSaving.SaveAsync(db, store, [staged], ct, () =>
        {
            db.Evidence.Add(evidence = new Evidence(value, fileName, staged.File.ContentType, staged.File.Size, staged.File.Sha256, user.Account!, clock.GetUtcNow()));
            return Task.CompletedTask;
        });
        return ToView(evidence);
    }

    public async Task<IReadOnlyList<EvidenceView>> ListAsync(int valueId, CancellationToken ct = default) =>
        (await ListAsync([valueId], ct)).GetValueOrDefault(valueId) ?? [];

    /// <summary>The evidence of several values in one query (a review list), each value checked against the caller's scope.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<EvidenceView>>> ListAsync(IReadOnlyCollection<int> valueIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var units = await db.Values.AsNoTracking().Where(v => valueIds.Contains(v.Id)).Select(v => new { v.Id, v.UnitCode }).ToListAsync(ct);
        if (units.Count < valueIds.Distinct().Count() || units.Any(u => !user.CanReadValuesOf(u.UnitCode))) throw new NotFoundException("not-found.values");
        var files = await db.Evidence.AsNoTracking().Where(e => valueIds.Contains(e.ValueId)).OrderBy(e => e.UploadedAt).ToListAsync(ct);
        return files.GroupBy(e => e.ValueId).ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceView>)g.Select(ToView).ToList());
    }

    public async Task<(EvidenceView File, Stream Content)> OpenAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        var unit = evidence is null ? null : await db.Values.AsNoTracking().Where(v => v.Id == evidence.ValueId).Select(v => v.UnitCode).SingleAsync(ct);
        user.Readable(unit, u => u, "not-found.evidence");
        return (ToView(evidence!), store.Open(evidence!.Sha256));
    }

    private static EvidenceView ToView(Evidence e) =>
        new(e.Id, e.ValueId, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt);
}
