using System.Security.Claims;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// A circuit's sign-in, re-checked every <see cref="Interval"/> against the account's current security stamp: an open
/// tab whose account lost its rights (new grants, a reset or changed password, a lock, a sign-out elsewhere) is shown
/// as signed out without waiting for the person to act.
/// </summary>
internal sealed class PortalAuthenticationState(ILoggerFactory logs, AccountAccessCache access) : RevalidatingServerAuthenticationStateProvider(logs)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        await access.ResolveAsync(state.User, ct) is not null;

    /// <summary>The circuit's sign-in was found revoked before an action: the page shows it signed out now.</summary>
    public void SignOut() => SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
}
