namespace KhcnTracker.Application.Reporting;

/// <summary>
/// A change that comes with evidence files, all or nothing: the files were staged (read and checked) before; the domain
/// accepts the change first; only then do the files take their permanent place, and if saving the rows then fails, the
/// files that this change brought into the store are removed again. A refusal leaves the store as it was.
/// </summary>
internal static class EvidenceSaving
{
    public static async Task SaveAsync(IAppDbContext db, IEvidenceStore store, IReadOnlyList<StagedEvidence> staged, CancellationToken ct, Func<Task> change)
    {
        var added = new List<string>();
        try
        {
            await ChangeSaving.SaveAsync(db, ct, async () =>
            {
                await change();
                foreach (var file in staged)
                    if (store.Keep(file)) added.Add(file.File.Sha256);
            });
        }
        catch
        {
            await RemoveUnreferencedAsync(db, store, added);
            throw;
        }
    }

    /// <summary>A file another change referenced meanwhile (the same bytes uploaded twice at once) stays.</summary>
    private static async Task RemoveUnreferencedAsync(IAppDbContext db, IEvidenceStore store, IReadOnlyList<string> added)
    {
        foreach (var sha256 in added.Distinct())
        {
            var referenced = false;
            try
            {
                referenced = await db.Evidence.AsNoTracking().AnyAsync(e => e.Sha256 == sha256)
                             || await db.TaskEvidence.AsNoTracking().AnyAsync(e => e.Sha256 == sha256);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database cannot say: removing a file a row may point at is worse than keeping an orphan.
                referenced = true;
            }
            if (!referenced) store.Remove(sha256);
        }
    }
}
