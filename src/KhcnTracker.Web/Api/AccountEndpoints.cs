using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KhcnTracker.Web.Api;

/// <summary>Sign-in for the API (bearer tokens) and for the portal (cookie, from the sign-in page's form).</summary>
public static class AccountEndpoints
{
    public sealed record LoginRequest(string Email, string Password);

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/api/v1/auth/login", async (LoginRequest request, SignInManager<PortalUserAccount> signIn) =>
            {
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
                // On success the bearer handler has already written {tokenType, accessToken, expiresIn, refreshToken}.
                return result.Succeeded ? Results.Empty : Refusal(result);
            })
            .WithTags("Auth").WithSummary("Exchanges e-mail and password for a bearer token");

        app.MapPost("/account/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
                SignInManager<PortalUserAccount> signIn) =>
            {
                var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
                var back = LocalOrHome(returnUrl);
                if (result.Succeeded) return Results.LocalRedirect(back);
                var error = result.IsLockedOut ? "locked" : "invalid";
                return Results.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(back)}");
            })
            .ExcludeFromDescription();

        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<PortalUserAccount> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect(LocalOrHome(returnUrl));
            })
            .ExcludeFromDescription();
    }

    private static IResult Refusal(Microsoft.AspNetCore.Identity.SignInResult result) => Results.Problem(
        result.IsLockedOut
            ? "Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút."
            : "Email hoặc mật khẩu không đúng.",
        statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");

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
