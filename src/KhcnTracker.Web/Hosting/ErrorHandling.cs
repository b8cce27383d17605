using KhcnTracker.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// One error path for every exception and every empty error status, in every environment: the API (and the exports,
/// and the sign-in endpoints) answer problem+json in Vietnamese, never a stack trace; pages re-execute the Vietnamese
/// error page (<c>/error</c>), and an unknown page shows the not-found page (<c>/error/404</c>).
/// </summary>
public static class ErrorHandling
{
    public static void AddPortalErrorHandling(this IServiceCollection services)
    {
        // A refusal is the same answer word for word whatever it refuses (a foreign id as a missing one): the trace id
        // that tells one request from another is given only with a server error, for the person reporting it.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status is null or < 500) context.ProblemDetails.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<PortalExceptionHandler>();
    }

    public static void UsePortalErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        // An error status without a body: problem+json for the API, the error page (not-found for 404) for pages.
        app.UseWhen(context => PortalExceptionHandler.AnswersWithProblem(context.Request), api => api.UseStatusCodePages(async context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            await Results.Problem(PortalExceptionHandler.Detail(status), statusCode: status, title: PortalExceptionHandler.Title(status))
                .ExecuteAsync(context.HttpContext);
        }));
        app.UseWhen(context => !PortalExceptionHandler.AnswersWithProblem(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
    }
}

/// <summary>Turns any exception into the answer its caller should see, and logs the ones that are the portal's fault.</summary>
internal sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger, IStringLocalizer<SharedResource> L) : IExceptionHandler
{
    public static bool AnswersWithProblem(HttpRequest request) => AnswersWithProblem(request.Path, request.Method);

    private static bool AnswersWithProblem(PathString path, string method) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/exports") || path.StartsWithSegments("/openapi")
        || (path.StartsWithSegments("/account") && !HttpMethods.IsGet(method));

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var status = StatusOf(context, exception);
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method,
            context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value);
        // The middleware has already pointed the request at /error: the feature keeps the path that failed.
        var path = new PathString(context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value);
        if (!AnswersWithProblem(path, context.Request.Method) || context.Response.HasStarted) return false; // pages: the /error page
        context.Response.StatusCode = status;
        if (exception is Refusal refusal)
        {
            await RefusalAnswer.Of(refusal, context, L).ExecuteAsync(context);
            return true;
        }
        var problem = new ProblemDetails { Status = status, Title = Title(status), Detail = Detail(status) };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        await Results.Problem(problem).ExecuteAsync(context);
        return true;
    }

    private static int StatusOf(HttpContext context, Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        System.Text.Json.JsonException or FormatException => StatusCodes.Status400BadRequest,
        // PostgreSQL refuses a NUL byte or a character its encoding lacks in text: the request's fault.
        Npgsql.PostgresException { SqlState: "22021" or "22P05" } => StatusCodes.Status400BadRequest,
        Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "22021" or "22P05" } } => StatusCodes.Status400BadRequest,
        Refusal refusal => RefusalAnswer.Status(refusal, context),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => 499,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa đăng nhập",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        409 => "Xung đột chỉnh sửa",
        413 => "Dữ liệu gửi lên quá lớn",
        415 => "Định dạng dữ liệu không được hỗ trợ",
        429 => "Quá nhiều yêu cầu",
        _ when status >= 500 => "Lỗi máy chủ",
        _ => "Yêu cầu không thực hiện được",
    };

    public static string Detail(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ: hãy kiểm tra dữ liệu gửi lên.",
        401 => "Bạn cần đăng nhập để thực hiện thao tác này.",
        403 => "Bạn không có quyền thực hiện thao tác này.",
        404 => "Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu.",
        405 => "Địa chỉ này không hỗ trợ phương thức được gửi.",
        413 => "Dữ liệu gửi lên vượt quá dung lượng cho phép.",
        415 => "Định dạng dữ liệu gửi lên không được hỗ trợ.",
        429 => "Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau ít phút.",
        _ when status >= 500 => "Đã xảy ra lỗi ngoài dự kiến. Hãy thử lại; nếu lỗi còn, báo quản trị viên kèm mã lỗi (traceId).",
        _ => "Yêu cầu không thực hiện được.",
    };
}
