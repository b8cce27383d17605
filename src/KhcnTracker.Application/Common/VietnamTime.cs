namespace KhcnTracker.Application.Common;

/// <summary>Vietnam's time (UTC+7, no daylight saving): the year a status is judged in and the times exports show.</summary>
public static class VietnamTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Of(DateTimeOffset moment) => moment.ToOffset(Offset);
}
