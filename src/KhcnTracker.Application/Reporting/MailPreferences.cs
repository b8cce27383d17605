using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>Which kinds of e-mail the caller receives: every kind is on until they switch it off.</summary>
public sealed class MailPreferences(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<MailKind, bool>> GetAsync(CancellationToken ct = default)
    {
        var me = user.EnsureOwnAccount().Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateAsync(ct);
        var off = await db.MailOptOuts.AsNoTracking().Where(o => o.Account == me).Select(o => o.Kind).ToListAsync(ct);
        return Enum.GetValues<MailKind>().ToDictionary(k => k, k => !off.Contains(k));
    }

    public async Task SetAsync(MailKind kind, bool enabled, CancellationToken ct = default)
    {
        var me = user.EnsureOwnAccount().Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await db.MailOptOuts.SingleOrDefaultAsync(o => o.Account == me && o.Kind == kind, ct);
        if (enabled && row is not null) db.MailOptOuts.Remove(row);
        else if (!enabled && row is null) db.MailOptOuts.Add(new MailOptOut(me, kind, clock.GetUtcNow()));
        else return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same switch saved at the same moment elsewhere: the preference is as asked.
        }
    }
}
