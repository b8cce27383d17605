namespace KhcnTracker.Application.Tasks;

/// <summary>The latest report of each task (or a task's every revision with <see cref="Task"/>) in the caller's scope.</summary>
public sealed record TaskReportFilter(string? Unit = null, Domain.Reporting.ValueStatus? Status = null, int? Task = null);

/// <summary>Task progress reports, read by everyone whose scope covers the reporting province (as values are).</summary>
public sealed class ListTaskReports(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<TaskReportView>> HandleAsync(TaskReportFilter filter, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        if (filter.Unit is { } requested)
        {
            if (!await db.Units.AnyAsync(u => u.Code == requested, ct)) throw new NotFoundException("not-found.unit", requested);
            user.EnsureCanReadValuesOf(requested);
        }
        var rows = from r in db.TaskReports.AsNoTracking()
                   join t in db.Tasks on r.TaskId equals t.Id
                   select new { Report = r, Task = t };
        // The caller's scope is the query's own WHERE, as for values.
        if (filter.Unit is { } unit) rows = rows.Where(x => x.Report.UnitCode == unit);
        else if (user.ReadableUnitCodes() is { } readable) rows = rows.Where(x => readable.Contains(x.Report.UnitCode));
        if (filter.Task is { } task) rows = rows.Where(x => x.Report.TaskId == task);
        else rows = rows.Where(x => !db.TaskReports.Any(newer => newer.TaskId == x.Report.TaskId && newer.Revision > x.Report.Revision));
        if (filter.Status is { } status) rows = rows.Where(x => x.Report.Status == status);
        var list = await rows.OrderBy(x => x.Task.DocumentCode).ThenBy(x => x.Task.Number).ThenBy(x => x.Report.Revision).ToListAsync(ct);
        return list.Select(x => TaskReportView.Of(x.Report, x.Task)).ToList();
    }

    /// <summary>The latest report of each of the caller's tasks (for My work), by task id.</summary>
    public async Task<IReadOnlyDictionary<int, TaskReportView>> MineAsync(CancellationToken ct = default)
    {
        var agencies = user.ReportingAgencies();
        var mine = new List<TaskReportView>();
        foreach (var unit in agencies.Select(a => a.UnitCode).Distinct())
            mine.AddRange((await HandleAsync(new TaskReportFilter(unit), ct)).Where(r => agencies.Contains((r.Unit, r.Agency))));
        return mine.ToDictionary(r => r.TaskId);
    }
}
