using System.Security.Claims;
using KhcnTracker.Infrastructure.Identity;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// After an administrator's reset the person may only replace the password: pages lead to the change-password page,
/// the API answers 403. Sign-in, sign-out and the files the page itself needs stay open.
/// </summary>
public static class PasswordChange
{
    public const string Page = "/account/password";
    public const string Message = "Mật khẩu của bạn đã được quản trị viên đặt lại. Hãy đổi mật khẩu tại /account/password trước khi tiếp tục.";

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(c => c.Type == PortalClaims.MustChangePassword);

    public static bool MayVisit(PathString path) =>
        path.StartsWithSegments(Page) || path.StartsWithSegments("/account/login") || path.StartsWithSegments("/account/logout")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || (!path.StartsWithSegments("/api") && Path.HasExtension(path.Value));

    /// <summary>Refuses the request (403 for the API, a redirect for pages) when the password must be changed first.</summary>
    public static async Task<bool> RefusedAsync(HttpContext context)
    {
        if (!IsRequired(context.User) || MayVisit(context.Request.Path)) return false;
        if (context.Request.Path.StartsWithSegments("/api"))
            await Results.Problem(Message, statusCode: StatusCodes.Status403Forbidden, title: "Cần đổi mật khẩu").ExecuteAsync(context);
        else
            context.Response.Redirect(Page);
        return true;
    }
}
