using System.Security.Claims;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The caller as the application layer sees it, one per request or Blazor circuit. HTTP requests set it from the
/// authenticated principal (cookie or bearer token); circuits from their authentication state.
/// </summary>
internal sealed class PortalUser : ICurrentUser
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private IReadOnlyList<RoleGrant> _grants = [];

    public string Origin { get; private set; } = "web";

    public void Set(ClaimsPrincipal principal, string? origin = null)
    {
        _principal = principal;
        if (origin is not null) Origin = origin;
        _grants = principal.FindAll(PortalClaims.Grant).Select(c => RoleGrant.Parse(c.Value)).ToList();
    }

    public bool IsAuthenticated => _principal.Identity?.IsAuthenticated == true;
    public string? Name => _principal.FindFirstValue(PortalClaims.DisplayName) ?? _principal.Identity?.Name;
    public string? Account => IsAuthenticated ? _principal.Identity?.Name : null;
    public IReadOnlyList<RoleGrant> Grants => IsAuthenticated ? _grants : [];
}

/// <summary>Keeps <see cref="PortalUser"/> in step with a circuit's authentication state.</summary>
internal sealed class PortalUserCircuitHandler(AuthenticationStateProvider authentication, PortalUser user, IHttpContextAccessor http)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        // The circuit's own connection, while it opens, is the last place the browser's address is known.
        user.Set((await authentication.GetAuthenticationStateAsync()).User, $"web {http.HttpContext?.Connection.RemoteIpAddress}".TrimEnd());
    }

    private void OnChanged(Task<AuthenticationState> state) =>
        state.ContinueWith(t => { if (t.IsCompletedSuccessfully) user.Set(t.Result.User); }, TaskScheduler.Default);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
