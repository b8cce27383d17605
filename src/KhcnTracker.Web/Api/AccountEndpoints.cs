using KhcnTracker.Web.Hosting;
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
        app.MapPost("/api/v1/auth/login", async (LoginRequest request, SignInManager<PortalUserAccount> signIn, AccountSignInLimiter perAccount,
                HttpContext http) =>
            {
                if (perAccount.Refuse(request.Email) is { } wait)
                {
                    await RateLimits.RejectAsync(http, wait, http.RequestAborted);
                    return Results.Empty;
                }
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
                // On success the bearer handler has already written {tokenType, accessToken, expiresIn, refreshToken}.
                return result.Succeeded ? Results.Empty : Refusal(result);
            })
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Auth").WithSummary("Exchanges e-mail and password for a bearer token; 429 with Retry-After past the per-IP or per-account limit");

        app.MapPost("/account/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
                SignInManager<PortalUserAccount> signIn, AccountSignInLimiter perAccount, HttpContext http) =>
            {
                if (perAccount.Refuse(email) is { } wait)
                {
                    await RateLimits.RejectAsync(http, wait, http.RequestAborted);
                    return Results.Empty;
                }
                var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
                var back = LocalOrHome(returnUrl);
                if (result.Succeeded) return Results.LocalRedirect(back);
                var error = result.IsLockedOut ? "locked" : "invalid";
                return Results.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(back)}");
            })
            .RequireRateLimiting(RateLimits.SignIn)
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

    // Only local paths: an open redirect would let a link send people elsewhere.
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
