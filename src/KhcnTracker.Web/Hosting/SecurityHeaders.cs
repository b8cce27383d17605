namespace KhcnTracker.Web.Hosting;

/// <summary>
/// Headers on every response. The Content-Security-Policy fits Blazor Server and MudBlazor: scripts only from the
/// portal itself, the circuit's WebSocket to the same origin only (CSP 3: 'self' covers ws/wss of the page's own host),
/// inline styles (MudBlazor sets style attributes). API answers, exports, reports and evidence files carry figures of a
/// province: no browser or proxy may keep them (<c>Cache-Control: no-store</c>).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// An evidence file served inline (the review's preview reads it with fetch or an &lt;img&gt;): nothing in it may run
    /// or load anything, even opened on its own (a polyglot file), and no frame may hold it.
    /// </summary>
    public const string InlineFilePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/exports")) headers.CacheControl = "no-store";
            return next(context);
        });
}
