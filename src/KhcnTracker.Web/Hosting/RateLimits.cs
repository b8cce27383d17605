using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The request limits (settings section <c>RateLimits</c>), each a fixed window. Sign-in is throttled per IP address
/// first (the middleware, before the request reaches Identity), then per account (before the password is checked, so
/// the refused attempts never count towards the lockout of 5 failures for 15 minutes). Exports and reports are limited
/// per signed-in user (per IP address for anyone else).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts from one IP address a minute, whichever the accounts.</summary>
    public int SignInPerIpPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts for one account in 15 minutes, from all addresses together.</summary>
    public int SignInPerAccountPer15Minutes { get; set; } = 10;

    public int ExportsPerUserPerMinute { get; set; } = 20;

    public int ReportsPerUserPerMinute { get; set; } = 10;
}

/// <summary>The attempts per account, asked by the sign-in endpoints once they know the e-mail.</summary>
public sealed class AccountSignInLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInPerAccountPer15Minutes), Window = TimeSpan.FromMinutes(15), QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go ahead; otherwise how long until the next one may.</summary>
    public TimeSpan? Refuse(string? email)
    {
        using var lease = _limiter.AttemptAcquire((email ?? "").Trim().ToUpperInvariant());
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(15);
    }

    public void Dispose() => _limiter.Dispose();
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Exports = "exports";
    public const string Reports = "reports";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<AccountSignInLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, ct) =>
                RejectAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1), ct);
            limiter.AddPolicy(SignIn, http => Window($"ip:{Address(http)}", Limits(http).SignInPerIpPerMinute));
            limiter.AddPolicy(Exports, http => Window(Caller(http), Limits(http).ExportsPerUserPerMinute));
            limiter.AddPolicy(Reports, http => Window(Caller(http), Limits(http).ReportsPerUserPerMinute));
        });
        return services;
    }

    /// <summary>
    /// 429 with Retry-After: a problem detail in Vietnamese for the API, the sign-in page with its message for the form.
    /// </summary>
    public static async ValueTask RejectAsync(HttpContext http, TimeSpan retryAfter, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/account/login") && http.Request.HasFormContentType)
        {
            http.Response.Redirect("/account/login?error=throttled");
            return;
        }
        await Results.Problem(Message(seconds), statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu").ExecuteAsync(http);
    }

    public static string Message(int seconds) =>
        $"Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy thử lại sau {(seconds >= 120 ? $"{(seconds + 59) / 60} phút" : $"{seconds} giây")}.";

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Caller(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"user:{name.ToUpperInvariant()}" : $"ip:{Address(http)}";
}
