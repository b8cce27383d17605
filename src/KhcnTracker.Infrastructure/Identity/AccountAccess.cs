using System.Collections.Concurrent;
using System.Security.Claims;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary>What a signed-in account may do now: its grants as the database holds them under its current security stamp.</summary>
public sealed record AccountAccess(Guid Id, string DisplayName, IReadOnlyList<RoleGrant> Grants);

/// <summary>
/// The grants a request or a circuit acts on, read from the database — never from the claims minted at sign-in — and
/// kept for <see cref="Lifetime"/> under the account's id and the security stamp the sign-in carries. Changing grants,
/// the password, locking the account or signing out makes a new stamp: a sign-in with the old stamp then resolves to
/// nothing (signed out). This instance forgets an account at once when it changes it; other instances see the new
/// stamp when their entry expires, so a revocation reaches every door within <see cref="Lifetime"/>.
/// </summary>
public sealed class AccountAccessCache(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int PruneAbove = 10_000;

    private sealed record Entry(AccountAccess? Access, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<(Guid Id, string Stamp), Entry> _entries = new();

    /// <summary>The access of the sign-in <paramref name="principal"/>, or null when its account is gone or its stamp is no longer current.</summary>
    public async Task<AccountAccess?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var id)
            || principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is not { Length: > 0 } stamp)
            return null;
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((id, stamp), out var cached) && now - cached.ReadAt < Lifetime) return cached.Access;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.DisplayName, u.Grants }).FirstOrDefaultAsync(ct);
        var access = row is not null && row.SecurityStamp == stamp
            ? new AccountAccess(id, row.DisplayName, row.Grants.Select(RoleGrant.Parse).ToList())
            : null;
        if (_entries.Count > PruneAbove) Prune(now);
        _entries[(id, stamp)] = new Entry(access, now);
        return access;
    }

    /// <summary>Called by this instance whenever it changes an account's stamp: its sign-ins are re-read at their next use.</summary>
    public void Forget(Guid id)
    {
        foreach (var key in _entries.Keys.Where(k => k.Id == id)) _entries.TryRemove(key, out _);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
            if (now - entry.ReadAt >= Lifetime) _entries.TryRemove(key, out _);
    }
}
