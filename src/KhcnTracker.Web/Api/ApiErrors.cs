using KhcnTracker.Application.Common;
using KhcnTracker.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Api;

/// <summary>Turns the application layer's refusals into problem-details JSON with a Vietnamese message.</summary>
internal sealed class ApiErrors(IStringLocalizer<SharedResource> L) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        // Signed out, every refusal is the same 401: a "not found" would tell an anonymous caller which ids exist.
        catch (Exception e) when (e is AccessDeniedException or NotFoundException && context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            return Results.Problem("Bạn cần đăng nhập để thực hiện thao tác này.", statusCode: StatusCodes.Status401Unauthorized, title: "Chưa đăng nhập");
        }
        catch (AccessDeniedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền");
        }
        catch (NotFoundException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");
        }
        catch (ConcurrencyConflictException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Xung đột chỉnh sửa");
        }
        catch (Application.Reports.PdfQueueFullException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(e.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Máy chủ đang bận");
        }
        catch (CommandRejectedException e)
        {
            return Results.ValidationProblem(
                e.Violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => ErrorText.Rule(v, L)).ToArray()),
                detail: string.Join(" ", e.Violations.Select(v => ErrorText.Rule(v, L))),
                title: "Dữ liệu không hợp lệ");
        }
    }
}
