using System.Globalization;
using KhcnTracker.Application.Reports;
using KhcnTracker.Domain.Common;
using KhcnTracker.Web.Components.Shared;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The HTTP answer to any refusal, for the API's filter and the exception handler alike: the status from the refusal's
/// kind, the text from <see cref="ErrorText"/>. Signed out, a denial and a "not found" are the same 401, so an anonymous
/// caller learns nothing of which ids exist.
/// </summary>
public static class RefusalAnswer
{
    public static int Status(Refusal refusal, HttpContext http) => refusal.Kind switch
    {
        RefusalKind.Denied or RefusalKind.NotFound when http.User.Identity?.IsAuthenticated != true => StatusCodes.Status401Unauthorized,
        RefusalKind.Denied => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Busy => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Of(Refusal refusal, HttpContext http, IStringLocalizer L)
    {
        var status = Status(refusal, http);
        if (status == StatusCodes.Status401Unauthorized)
            return Results.Problem(L["Rule.access.sign-in"].Value, statusCode: status, title: PortalExceptionHandler.Title(status));
        switch (refusal)
        {
            case PdfQueueFullException busy:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(ErrorText.Line(busy, L), statusCode: status, title: "Máy chủ đang bận");
            case { Kind: RefusalKind.Invalid }:
                var violations = refusal is CommandRejectedException rejected
                    ? rejected.Violations
                    : [new RuleViolation("", refusal.Code, refusal.Message, refusal.Arguments)];
                return Results.ValidationProblem(
                    violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => ErrorText.Rule(v, L)).ToArray()),
                    detail: string.Join(" ", violations.Select(v => ErrorText.Rule(v, L))),
                    title: "Dữ liệu không hợp lệ");
            default:
                return Results.Problem(ErrorText.Line(refusal, L), statusCode: status, title: PortalExceptionHandler.Title(status));
        }
    }
}
