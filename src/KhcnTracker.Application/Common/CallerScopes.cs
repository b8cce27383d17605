using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Common;

/// <summary>
/// The caller's <see cref="CallerScope"/>, built once per DI scope — the request in the API, the circuit in Blazor Server
/// — and shared by every use case of that scope. It is rebuilt when the caller it was built for is no longer the one
/// asking (another account, or other grants: <c>PortalUser</c> re-reads the grants before every request and every circuit
/// action, so a revoked grant ends the scope built from it at the next action), and after <see cref="Lifetime"/> in any
/// case, so a long-lived circuit sees a merger of units recorded meanwhile.
/// </summary>
public sealed class CallerScopes(TimeProvider clock)
{
    /// <summary>How long a scope built from unchanged grants is kept (a circuit may live for hours).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private Cached? _cached;

    private sealed record Cached(string? Account, bool IsAuthenticated, IReadOnlyList<RoleGrant> Grants, DateTimeOffset At, Task<CallerScope> Scope);

    /// <summary>The scope of <paramref name="user"/>, loaded with <paramref name="db"/> the first time it is asked for (one query).</summary>
    public Task<CallerScope> ForAsync(IAppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_cached is { } c && c.Account == user.Account && c.IsAuthenticated == user.IsAuthenticated && c.Grants.SequenceEqual(user.Grants)
                && now - c.At < Lifetime && !c.Scope.IsFaulted && !c.Scope.IsCanceled)
                return c.Scope;
            var scope = CallerScope.LoadAsync(db, user, ct);
            _cached = new Cached(user.Account, user.IsAuthenticated, user.Grants.ToList(), now, scope);
            return scope;
        }
    }
}
