using KhcnTracker.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Common;

/// <summary>Saves a change and turns what PostgreSQL or the model refused into the application's refusals.</summary>
internal static class ChangeSaving
{
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
