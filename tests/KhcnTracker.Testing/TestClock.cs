using System.Globalization;
using KhcnTracker.Application.Common;
using Microsoft.Extensions.Time.Testing;

namespace KhcnTracker.Testing;

/// <summary>
/// The time of a test run. <c>KHCN_TEST_NOW</c> sets it (<c>2026-12-31T23:59:00+07:00</c>: the suite runs as on the last
/// minute of the year); without it, the real time when the run started. The app under test and the tests' own writes
/// read fake clocks that start there and move one microsecond per reading, so that what happens in a run stays on the
/// same side of midnight and successive steps still have distinct, ordered times. Tests choose their periods from
/// <see cref="VietnamYear"/>, never from the wall clock.
/// </summary>
public static class TestClock
{
    public const string Variable = "KHCN_TEST_NOW";

    /// <summary>When the run takes place.</summary>
    public static DateTimeOffset Start { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
        ? DateTimeOffset.Parse(configured, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
        : DateTimeOffset.UtcNow;

    /// <summary>
    /// The clock of what tests write directly (the template's catalogue, the back-fill steps). It starts one second before
    /// <see cref="Start"/>, so that everything written with it precedes what the app under test does at its "now", however
    /// many readings parallel fixtures take from it (a report as of now always sees the catalogue the template was loaded
    /// with); a million readings would be needed to catch up. Never before midnight of the run's day in Vietnam.
    /// </summary>
    public static FakeTimeProvider Shared { get; } = new(Earliest.ToUniversalTime()) { AutoAdvanceAmount = TimeSpan.FromTicks(10) };

    /// <summary>The earliest time anything in the run is stamped with: where <see cref="Shared"/> starts.</summary>
    public static DateTimeOffset Earliest => Start - Lead;

    private static TimeSpan Lead
    {
        get
        {
            var sinceMidnight = VietnamTime.Of(Start).TimeOfDay;
            return sinceMidnight < TimeSpan.FromSeconds(1) ? sinceMidnight : TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>A new clock at <see cref="Start"/> (one per app instance).</summary>
    public static FakeTimeProvider Create() => new(Start.ToUniversalTime()) { AutoAdvanceAmount = TimeSpan.FromTicks(10) };

    /// <summary>The calendar year in Vietnam when the run takes place: "this year" for choosing periods.</summary>
    public static int VietnamYear => VietnamTime.Of(Start).Year;

    /// <summary>Last year's yearly period: it exists and is open in a new database, whatever the date.</summary>
    public static string LastYear => $"{VietnamYear - 1}";
}

/// <summary>
/// What the app under test is given: the fake clock's time, and real timers (the base class's), so that debounced
/// inputs and timeouts of the UI library still fire while the date stays where the run put it.
/// </summary>
internal sealed class FakeTimeWithRealTimers(FakeTimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;
}
