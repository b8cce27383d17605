namespace KhcnTracker.Application.Common;

/// <summary>Vietnam's time (UTC+7, no daylight saving): the year a status is judged in and the times exports show.</summary>
public static class VietnamTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Of(DateTimeOffset moment) => moment.ToOffset(Offset);

    /// <summary>Now in Vietnam, from the app's clock.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => Of(clock.GetUtcNow());

    /// <summary>Today's date in Vietnam (a date picker's "today", the default year of a new document).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);
}
