namespace KhcnTracker.Application.Common;

/// <summary>Saves a change and turns what PostgreSQL or the model refused into the application's refusals.</summary>
internal static class ChangeSaving
{
    /// <summary>
    /// A review step on a revision the caller read at <paramref name="version"/> (none: an API call that did not say):
    /// a version other than the revision's is refused with <paramref name="conflict"/> before anything changes, and the
    /// save itself fails if someone else saved in between.
    /// </summary>
    public static Task SaveRevisionAsync<T>(IAppDbContext db, T revision, uint? version, Func<T, ConcurrencyConflictException> conflict,
        Action change, CancellationToken ct) where T : ReviewedRevision
    {
        if (version is { } v && v != revision.Version)
            throw conflict(revision);
        return SaveAsync(db, ct, () =>
        {
            change();
            if (version is { } expected) db.Entry(revision).Property(x => x.Version).OriginalValue = expected;
            return Task.CompletedTask;
        });
    }

    /// <param name="saveChanges">False when <paramref name="change"/> saves by itself (an import's own transaction).</param>
    public static async Task SaveAsync(IAppDbContext db, CancellationToken ct, Func<Task> change, bool saveChanges = true)
    {
        try
        {
            await change();
            if (saveChanges) await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            throw CommandRejectedException.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("conflict.changed");
        }
        catch (DbUpdateException)
        {
            throw new CommandRejectedException([new RuleViolation("", "catalogue.duplicate", "This code or number is already used.")]);
        }
    }
}
