using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Reporting;

public enum NotificationKind { Returned, Overdue, DueSoon, Approved, AwaitingReview, TaskReturned, TaskAwaitingReview }

public sealed record Notification(NotificationKind Kind, string Period, string? Indicator, string? IndicatorNameVi, int Count, DateOnly? DueOn, string? Reason, string Link);

/// <summary>
/// What needs the caller's attention, computed from the data each time (nothing to mark as read, nothing to go stale):
/// returned, overdue, due within 30 days and recently approved values and returned task reports for staff; waiting
/// submissions (values and task reports) for reviewers.
/// </summary>
public sealed class ListNotifications(ListMyReporting reporting, ListValues values, Tasks.ListTaskReports taskReports, ICurrentUser user, TimeProvider clock)
{
    public const int DueSoonDays = 30;
    public const int ApprovedRecentlyDays = 14;

    public async Task<IReadOnlyList<Notification>> HandleAsync(CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) return [];
        var today = VietnamTime.Today(clock);
        var result = new List<Notification>();

        var items = await reporting.HandleAsync(ct);
        result.AddRange(items.Where(i => i.Latest?.Status == ValueStatus.Returned)
            .Select(i => new Notification(NotificationKind.Returned, i.Period, i.Indicator, i.IndicatorNameVi, 1, i.DueOn, i.Latest!.ReturnReason, "my-work")));
        result.AddRange(items.Where(i => i.Overdue).GroupBy(i => (i.Period, i.DueOn))
            .Select(g => new Notification(NotificationKind.Overdue, g.Key.Period, null, null, g.Count(), g.Key.DueOn, null, "my-work")));
        result.AddRange(items.Where(i => !i.Overdue && i.DueOn >= today && i.DueOn <= today.AddDays(DueSoonDays)
                                         && i.IsStillToReport)
            .GroupBy(i => (i.Period, i.DueOn))
            .Select(g => new Notification(NotificationKind.DueSoon, g.Key.Period, null, null, g.Count(), g.Key.DueOn, null, "my-work")));
        var since = clock.GetUtcNow().AddDays(-ApprovedRecentlyDays);
        result.AddRange(items.Where(i => i.Latest is { Status: ValueStatus.Approved } v && v.ReviewedAt >= since)
            .Select(i => new Notification(NotificationKind.Approved, i.Period, i.Indicator, i.IndicatorNameVi, 1, i.DueOn, null, "my-work")));

        // A returned task report names the task (its number and name) in the indicator's place, and the reason.
        result.AddRange((await taskReports.MineAsync(ct)).Values.Where(r => r.Status == ValueStatus.Returned)
            .Select(r => new Notification(NotificationKind.TaskReturned, "", r.TaskNumber.ToString(), r.TaskNameVi, 1, null, r.ReturnReason, "my-work")));

        foreach (var unit in user.Grants.Where(g => g.Role == Role.Reviewer).Select(g => g.UnitCode!).Distinct())
        {
            var waiting = await values.HandleAsync(new ValueFilter(unit, Status: ValueStatus.Submitted), ct);
            if (waiting.Count > 0)
                result.Add(new Notification(NotificationKind.AwaitingReview, "", null, null, waiting.Count, null, null, "review"));
            var waitingTasks = await taskReports.HandleAsync(new Tasks.TaskReportFilter(unit, Status: ValueStatus.Submitted), ct);
            if (waitingTasks.Count > 0)
                result.Add(new Notification(NotificationKind.TaskAwaitingReview, "", null, null, waitingTasks.Count, null, null, "review"));
        }
        return result;
    }
}
