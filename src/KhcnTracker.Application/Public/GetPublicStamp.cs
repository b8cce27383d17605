using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>
/// A number that changes whenever anything the open pages show may have changed: the last position of the audit trail
/// (every change of a value, a target or a publication writes one). Caches validate their copies against it (ETag).
/// </summary>
public sealed class GetPublicStamp(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<long> HandleAsync(CancellationToken ct = default)
    {
        user.AllowEveryone();
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.AuditLog.MaxAsync(a => (long?)a.Sequence, ct) ?? 0;
    }
}
