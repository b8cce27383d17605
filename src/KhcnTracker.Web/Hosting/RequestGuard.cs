namespace KhcnTracker.Web.Hosting;

/// <summary>
/// Refuses, before anything reads them, query strings that carry control characters (a NUL byte, a line feed): no code
/// or name in the portal contains one, and PostgreSQL refuses NUL in text, so they could only end as an unhandled error.
/// </summary>
public static class RequestGuard
{
    public static void UseRequestGuard(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.Any(q => HasControl(q.Key) || q.Value.Any(v => HasControl(v))))
            {
                await Results.Problem("Yêu cầu chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).",
                    statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool HasControl(string? text) => text is not null && text.Any(c => char.IsControl(c) && c != '\t');
}
