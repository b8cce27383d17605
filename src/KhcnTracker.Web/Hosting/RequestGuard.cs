using System.Text;
using System.Text.RegularExpressions;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// Refuses, before anything reads them, requests whose path, query string or text body (JSON, form) carry control
/// characters (a NUL byte, an escape): no code, name or note in the portal contains one, and PostgreSQL refuses NUL in
/// text, so they could only end as an unhandled error. Tab, line feed and carriage return stay allowed in bodies (a note
/// has lines); in the path and the query only tab is (as before). Files (multipart) are checked by their readers.
/// </summary>
public static partial class RequestGuard
{
    /// <summary>Bodies up to this size are checked; larger text bodies are refused by the endpoints' own limits.</summary>
    private const int MaxCheckedBody = 4 * 1024 * 1024;

    public static void UseRequestGuard(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HasControl(request.Path.Value) || request.Query.Any(q => HasControl(q.Key) || q.Value.Any(v => HasControl(v)))
                || await BodyHasControlAsync(request))
            {
                await Results.Problem("Yêu cầu chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).",
                    statusCode: StatusCodes.Status400BadRequest, title: "Yêu cầu không hợp lệ").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool HasControl(string? text) => text is not null && text.Any(c => char.IsControl(c) && c != '\t');

    private static bool IsBodyControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    private static async Task<bool> BodyHasControlAsync(HttpRequest request)
    {
        var type = request.ContentType ?? "";
        var json = type.Contains("json", StringComparison.OrdinalIgnoreCase);
        var form = type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!(json || form) || request.ContentLength is 0) return false;
        request.EnableBuffering(MaxCheckedBody);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxCheckedBody) break;
        }
        request.Body.Position = 0;
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (text.Any(IsBodyControl)) return true;
        // The same characters written as escapes: \u0000 in JSON, %00 in a form.
        return json ? JsonEscape().Matches(text).Any(m => IsBodyControl((char)Convert.ToInt32(m.Groups[1].Value, 16)))
            : FormEscape().Matches(text).Any(m => IsBodyControl((char)Convert.ToInt32(m.Groups[1].Value, 16)));
    }

    [GeneratedRegex(@"(?<!\\)(?:\\\\)*\\u(00[0-9a-fA-F]{2})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex("%([01][0-9a-fA-F]|7[fF])")]
    private static partial Regex FormEscape();
}
