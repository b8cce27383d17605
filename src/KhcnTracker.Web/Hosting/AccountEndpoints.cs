using KhcnTracker.Application.Users;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// Sign-in for the API (bearer tokens) and for the portal (cookie, from the sign-in page's form). Part of the composition
/// root: it is where Identity (Infrastructure) meets HTTP.
/// </summary>
public static class AccountEndpoints
{
    public sealed record LoginRequest(string Email, string Password);

    public static void MapAccountEndpoints(this WebApplication app)
    {
        // Unknown e-mail, wrong password, locked account: the same work and the same answer (PortalSignIn); past the per-IP
        // or per-account limit, 429 before any password is checked.
        app.MapPost("/api/v1/auth/login", async (LoginRequest request, PortalSignIn signIn, AccountSignInLimiter perAccount, IStringLocalizer<SharedResource> L, HttpContext http) =>
            {
                if (perAccount.Refuse(request.Email) is { } wait)
                {
                    await RateLimits.RejectAsync(http, wait, http.RequestAborted);
                    return Results.Empty;
                }
                // On success the bearer handler has already written {tokenType, accessToken, expiresIn, refreshToken}.
                return await signIn.SignInAsync(request.Email, request.Password, IdentityConstants.BearerScheme)
                    ? Results.Empty
                    : Results.Problem(L["Login.Refused"], statusCode: StatusCodes.Status401Unauthorized, title: L["Login.RefusedTitle"]);
            })
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Auth").WithSummary("Exchanges e-mail and password for a bearer token; 429 with Retry-After past the per-IP or per-account limit");

        app.MapPost("/account/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
                PortalSignIn signIn, AccountSignInLimiter perAccount, HttpContext http) =>
            {
                if (perAccount.Refuse(email) is { } wait)
                {
                    await RateLimits.RejectAsync(http, wait, http.RequestAborted);
                    return Results.Empty;
                }
                var back = LocalOrHome(returnUrl);
                return await signIn.SignInAsync(email, password, IdentityConstants.ApplicationScheme)
                    ? Results.LocalRedirect(back)
                    : Results.LocalRedirect($"/account/login?error=refused&returnUrl={Uri.EscapeDataString(back)}");
            })
            .RequireRateLimiting(RateLimits.SignIn)
            .ExcludeFromDescription();

        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<PortalUserAccount> signIn, ICurrentUser user,
                IUserAccounts accounts, CancellationToken ct) =>
            {
                // A new security stamp: the cookie just ended is refused even if someone kept a copy (and so are the
                // account's other sessions — signing out ends them all).
                if (user.Account is { } account) await accounts.EndSessionsAsync(account, ct);
                await signIn.SignOutAsync();
                return Results.LocalRedirect(LocalOrHome(returnUrl));
            })
            .ExcludeFromDescription();
    }

    /// <summary>
    /// Only a path of the portal itself, or the home page: an open redirect would let a link send people elsewhere. No
    /// <c>//host</c> or <c>/\host</c> (browsers read both as another host), no backslash, no control character (a
    /// browser drops TAB and line breaks, so <c>/TAB/host</c> is <c>//host</c>) — decided without throwing, so
    /// <c>Results.LocalRedirect</c> never meets a target it refuses.
    /// </summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(url, UriKind.Relative, out _)
            ? url
            : "/";
}
