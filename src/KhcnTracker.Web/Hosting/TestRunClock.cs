using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The date a test run takes place on, for the portal started as a process of its own (the tests' PortalProcess): in
/// Development only, the setting <c>Testing:Now</c> (an instant, e.g. <c>2027-01-01T00:01:00+07:00</c>) gives the app a
/// clock that starts there, as the in-process test host's clock does. Never read in Production.
/// </summary>
internal static class TestRunClock
{
    public const string Setting = "Testing:Now";

    /// <summary>Replaces the app's <see cref="TimeProvider"/> when the setting is given in Development.</summary>
    public static void UseTestRunClock(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || builder.Configuration[Setting] is not { Length: > 0 } configured) return;
        var start = DateTimeOffset.Parse(configured, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(new StartedClock(start));
        Console.WriteLine($"{Setting}: the portal's clock starts at {start:O}.");
    }
}

/// <summary>
/// A clock that starts at an instant and moves one microsecond per reading (as the tests' fake clock does), so a run
/// stays on the same side of midnight while successive steps keep distinct, ordered times. Its timers and timestamps
/// are the base class's real ones, so timeouts, debounced inputs and the circuit's revalidation still fire.
/// </summary>
internal sealed class StartedClock(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset _start = start.ToUniversalTime();
    private long _readings;

    public override DateTimeOffset GetUtcNow() => _start.AddTicks(10 * Interlocked.Increment(ref _readings));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
