using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Application.Reporting;

public enum NotificationKind { Returned, Overdue, DueSoon, Approved, AwaitingReview, TaskReturned, TaskAwaitingReview }

/// <summary>
/// One notification. <see cref="Key"/> is its identity — kind + item + occurrence (a second return of the same value,
/// a moved due date, one more waiting submission are new occurrences) — by which it is read and e-mailed once;
/// <see cref="At"/> when it happened; <see cref="Link"/> the exact item (relative to the portal's root).
/// </summary>
public sealed record Notification(NotificationKind Kind, string Period, string? Indicator, string? IndicatorNameVi, int Count, DateOnly? DueOn, string? Reason, string Link)
{
    public string Key { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public bool Read { get; init; }
    /// <summary>The indicator's (or task's) English name, for a reader who chose English.</summary>
    public string? IndicatorNameEn { get; init; }

    /// <summary>The kind of e-mail this notification is also sent as, if any (the reviewers' queues are not e-mailed).</summary>
    public MailKind? MailKind => Kind switch
    {
        NotificationKind.DueSoon => Domain.Reporting.MailKind.DueSoon,
        NotificationKind.Overdue => Domain.Reporting.MailKind.Overdue,
        NotificationKind.Returned or NotificationKind.TaskReturned => Domain.Reporting.MailKind.Returned,
        NotificationKind.Approved => Domain.Reporting.MailKind.Approved,
        _ => null,
    };
}

/// <summary>The reminders' settings (<c>Reminders:</c> in configuration, docs/operations.md).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How many days before a period's due date the "due soon" notification and e-mail start.</summary>
    public int DueSoonDays { get; set; } = ListNotifications.DueSoonDays;
}

/// <summary>
/// What needs the caller's attention, computed from the data each time: returned, overdue, due soon and recently
/// approved values and returned task reports for staff; waiting submissions (values and task reports) for reviewers.
/// Each carries its time, its link and whether the caller has read it (<see cref="MarkNotificationsRead"/>).
/// </summary>
public sealed class ListNotifications(ListMyReporting reporting, ListValues values, Tasks.ListTaskReports taskReports, ICurrentUser user,
    TimeProvider clock, IAppDbContextFactory dbFactory, IOptions<ReminderOptions> options)
{
    public const int DueSoonDays = 30;
    public const int ApprovedRecentlyDays = 14;

    /// <summary>The caller's notifications, newest first, each marked read or unread.</summary>
    public async Task<IReadOnlyList<Notification>> HandleAsync(CancellationToken ct = default)
    {
        var items = await ComputeAsync(ct);
        if (items.Count == 0 || user.Account is not { } account) return items;
        var keys = items.Select(n => n.Key).ToList();
        var me = account.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateAsync(ct);
        var read = (await db.NotificationReads.AsNoTracking().Where(r => r.Account == me && keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return items.Select(n => n with { Read = read.Contains(n.Key) }).ToList();
    }

    /// <summary>The caller's notifications without their read state (what the reminders e-mail), newest first.</summary>
    public async Task<IReadOnlyList<Notification>> ComputeAsync(CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) return [];
        var today = VietnamTime.Today(clock);
        var dueSoonDays = Math.Max(0, options.Value.DueSoonDays);
        var result = new List<Notification>();

        var items = await reporting.HandleAsync(ct);
        result.AddRange(items.Where(i => i.Latest?.Status == ValueStatus.Returned)
            .Select(i => new Notification(NotificationKind.Returned, i.Period, i.Indicator, i.IndicatorNameVi, 1, i.DueOn, i.Latest!.ReturnReason,
                ItemLink(i.Period, i.Indicator))
            {
                Key = $"returned:{i.Unit}:{i.Indicator}:{i.Period}:{i.Latest.Id}:{Stamp(i.Latest.ReviewedAt)}",
                At = i.Latest.ReviewedAt ?? i.Latest.EnteredAt, IndicatorNameEn = i.IndicatorNameEn,
            }));
        result.AddRange(items.Where(i => i.Overdue).GroupBy(i => (i.Period, i.DueOn))
            .Select(g => new Notification(NotificationKind.Overdue, g.Key.Period, null, null, g.Count(), g.Key.DueOn, null, PeriodLink(g.Key.Period))
            {
                Key = $"overdue:{Units(g)}:{g.Key.Period}:{g.Key.DueOn:yyyyMMdd}", At = StartOf(g.Key.DueOn.AddDays(1)),
            }));
        result.AddRange(items.Where(i => !i.Overdue && i.DueOn >= today && i.DueOn <= today.AddDays(dueSoonDays) && i.IsStillToReport)
            .GroupBy(i => (i.Period, i.DueOn))
            .Select(g => new Notification(NotificationKind.DueSoon, g.Key.Period, null, null, g.Count(), g.Key.DueOn, null, PeriodLink(g.Key.Period))
            {
                Key = $"due-soon:{Units(g)}:{g.Key.Period}:{g.Key.DueOn:yyyyMMdd}", At = StartOf(g.Key.DueOn.AddDays(-dueSoonDays)),
            }));
        var since = clock.GetUtcNow().AddDays(-ApprovedRecentlyDays);
        result.AddRange(items.Where(i => i.Latest is { Status: ValueStatus.Approved } v && v.ReviewedAt >= since)
            .Select(i => new Notification(NotificationKind.Approved, i.Period, i.Indicator, i.IndicatorNameVi, 1, i.DueOn, null, ItemLink(i.Period, i.Indicator))
            {
                Key = $"approved:{i.Unit}:{i.Indicator}:{i.Period}:{i.Latest!.Id}:{Stamp(i.Latest.ReviewedAt)}",
                At = i.Latest.ReviewedAt!.Value, IndicatorNameEn = i.IndicatorNameEn,
            }));

        // A returned task report names the task (its number and name) in the indicator's place, and the reason.
        result.AddRange((await taskReports.MineAsync(ct)).Values.Where(r => r.Status == ValueStatus.Returned)
            .Select(r => new Notification(NotificationKind.TaskReturned, "", r.TaskNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.TaskNameVi, 1, null, r.ReturnReason, $"my-work?task={r.TaskId}")
            {
                Key = $"task-returned:{r.Id}:{Stamp(r.ReviewedAt)}", At = r.ReviewedAt ?? r.EnteredAt,
            }));

        foreach (var unit in user.Grants.Where(g => g.Role == Role.Reviewer).Select(g => g.UnitCode!).Distinct())
        {
            var waiting = await values.HandleAsync(new ValueFilter(unit, Status: ValueStatus.Submitted), ct);
            if (waiting.Count > 0)
            {
                var latest = waiting.Max(v => v.SubmittedAt ?? v.EnteredAt);
                result.Add(new Notification(NotificationKind.AwaitingReview, "", null, null, waiting.Count, null, null, $"review?unit={unit}")
                    { Key = $"awaiting:{unit}:{waiting.Count}:{Stamp(latest)}", At = latest });
            }
            var waitingTasks = await taskReports.HandleAsync(new Tasks.TaskReportFilter(unit, Status: ValueStatus.Submitted), ct);
            if (waitingTasks.Count > 0)
            {
                var latest = waitingTasks.Max(v => v.SubmittedAt ?? v.EnteredAt);
                result.Add(new Notification(NotificationKind.TaskAwaitingReview, "", null, null, waitingTasks.Count, null, null, $"review?unit={unit}")
                    { Key = $"task-awaiting:{unit}:{waitingTasks.Count}:{Stamp(latest)}", At = latest });
            }
        }
        return result.OrderByDescending(n => n.At).ToList();
    }

    private static string ItemLink(string period, string indicator) =>
        $"my-work?period={Uri.EscapeDataString(period)}&indicator={Uri.EscapeDataString(indicator)}";

    private static string PeriodLink(string period) => $"my-work?period={Uri.EscapeDataString(period)}";

    private static string Units(IEnumerable<ReportingItem> items) => string.Join('+', items.Select(i => i.Unit).Distinct().Order(StringComparer.Ordinal));

    private static long Stamp(DateTimeOffset? at) => at?.UtcTicks ?? 0;

    /// <summary>Midnight of a day in Vietnam.</summary>
    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
}
