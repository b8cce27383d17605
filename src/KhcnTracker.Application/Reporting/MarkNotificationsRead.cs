using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>The caller marks one notification, or all of theirs, as read: kept per person, by the notification's key.</summary>
public sealed class MarkNotificationsRead(IAppDbContextFactory dbFactory, ListNotifications notifications, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Marks one of the caller's current notifications read (a key that is not theirs is ignored).</summary>
    public async Task MarkAsync(string key, CancellationToken ct = default)
    {
        var account = user.EnsureOwnAccount();
        var mine = await notifications.ComputeAsync(ct);
        if (mine.Any(n => n.Key == key)) await SaveAsync(account, [key], ct);
    }

    /// <summary>Marks every current notification of the caller read; the count marked.</summary>
    public async Task<int> MarkAllAsync(CancellationToken ct = default)
    {
        var account = user.EnsureOwnAccount();
        var keys = (await notifications.ComputeAsync(ct)).Select(n => n.Key).Distinct().ToList();
        return await SaveAsync(account, keys, ct);
    }

    private async Task<int> SaveAsync(string account, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var me = account.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateAsync(ct);
        var already = await db.NotificationReads.Where(r => r.Account == me && keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct);
        var fresh = keys.Except(already, StringComparer.Ordinal).ToList();
        var at = clock.GetUtcNow();
        foreach (var key in fresh) db.NotificationReads.Add(new NotificationRead(me, key, at));
        if (fresh.Count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Marked at the same moment from another tab or instance: it is read either way.
        }
        return fresh.Count;
    }
}
