using System.Security.Claims;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The caller as the application layer sees it, one per request or Blazor circuit. The sign-in (cookie or bearer token,
/// or a circuit's authentication state) says who; what they may do is read by <see cref="RefreshAsync"/> from the
/// database under the sign-in's security stamp — before every request and every circuit action. A sign-in whose stamp
/// is no longer current is nobody.
/// </summary>
internal sealed class PortalUser(AccountAccessCache cache) : ICurrentUser
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private AccountAccess? _access;

    public string Origin { get; private set; } = "web";

    /// <summary>The sign-in; nobody until <see cref="RefreshAsync"/> has read what it may do.</summary>
    public void Set(ClaimsPrincipal principal, string? origin = null)
    {
        _principal = principal;
        _access = null;
        if (origin is not null) Origin = origin;
    }

    /// <summary>Reads the sign-in's grants (briefly cached); false when the sign-in was revoked (the user is then nobody).</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct = default)
    {
        if (_principal.Identity?.IsAuthenticated != true) return true;
        _access = await cache.ResolveAsync(_principal, ct);
        return _access is not null;
    }

    public bool IsAuthenticated => _principal.Identity?.IsAuthenticated == true && _access is not null;
    public string? Name => IsAuthenticated ? _access!.DisplayName is { Length: > 0 } name ? name : _principal.Identity?.Name : null;
    public string? Account => IsAuthenticated ? _principal.Identity?.Name : null;
    public IReadOnlyList<RoleGrant> Grants => IsAuthenticated ? _access!.Grants : [];
}

/// <summary>
/// Keeps <see cref="PortalUser"/> in step with a circuit: its authentication state (revalidated by
/// <see cref="PortalAuthenticationState"/>) and, before each action the browser sends, the account's current grants. A
/// circuit whose sign-in was revoked is shown as signed out before the action runs, and the action runs as nobody.
/// </summary>
internal sealed class PortalUserCircuitHandler(AuthenticationStateProvider authentication, PortalUser user, IHttpContextAccessor http)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        // The circuit's own connection, while it opens, is the last place the browser's address is known.
        user.Set((await authentication.GetAuthenticationStateAsync()).User, $"web {http.HttpContext?.Connection.RemoteIpAddress}".TrimEnd());
        await RefreshAsync(cancellationToken);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await RefreshAsync(CancellationToken.None);
            await next(context);
        };

    private async Task RefreshAsync(CancellationToken ct)
    {
        if (await user.RefreshAsync(ct)) return;
        var signedOut = new ClaimsPrincipal(new ClaimsIdentity());
        user.Set(signedOut);
        if (authentication is PortalAuthenticationState portal) portal.SignOut();
    }

    private void OnChanged(Task<AuthenticationState> state) =>
        state.ContinueWith(async t =>
        {
            if (!t.IsCompletedSuccessfully) return;
            user.Set(t.Result.User);
            await user.RefreshAsync();
        }, TaskScheduler.Default);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
