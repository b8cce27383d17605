using KhcnTracker.Application.Public;
using Microsoft.Net.Http.Headers;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The open pages and their data are the same for everyone: caches and search engines may keep them for five minutes
/// (<c>Cache-Control: public</c>) and revalidate with an ETag made of the audit trail's last position and the language,
/// which a change anywhere moves on. A copy still current is answered 304 without rendering anything.
/// </summary>
public static class PublicCaching
{
    public const int MaxAgeSeconds = 300;

    public static bool IsPublic(PathString path) => path.StartsWithSegments("/public") || path == "/sitemap.xml" || path == "/robots.txt";

    public static void UsePublicCaching(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) || !IsPublic(context.Request.Path))
            {
                await next(context);
                return;
            }
            var stamp = await context.RequestServices.GetRequiredService<GetPublicStamp>().HandleAsync(context.RequestAborted);
            var etag = new EntityTagHeaderValue($"\"{stamp}-{System.Globalization.CultureInfo.CurrentUICulture.Name}\"");
            if (context.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(etag, useStrongComparison: false)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = etag.ToString();
                return;
            }
            // Set as the response starts, so that nothing later in the pipeline (antiforgery's no-cache) overrides it.
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
                    context.Response.Headers.ETag = etag.ToString();
                    context.Response.Headers.Vary = "Cookie, Accept-Language";
                    context.Response.Headers.Remove("Pragma");
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
