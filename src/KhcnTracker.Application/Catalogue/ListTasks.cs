namespace KhcnTracker.Application.Catalogue;

/// <summary><see cref="Status"/> is a task status word or <c>overdue</c> (derived: not done and past its end year).</summary>
/// <remarks>
/// A task's status, percent and progress note are the approved facts of its province's progress reports, and so follow
/// the values' scope: a caller lists the tasks of the provinces whose values they may read (national roles and
/// administrators: all), a province outside it is refused as the overview is, an unknown one is not found.
/// </remarks>
public sealed record TaskFilter(string? Document = null, string? Status = null, string? LeadAgency = null, string? Unit = null,
    string? Search = null, bool IncludeRetired = false);

public sealed class ListTasks(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock)
{
    public const string Overdue = "overdue";

    /// <summary>The words <see cref="TaskFilter.Status"/> takes: each task status, then <see cref="Overdue"/>.</summary>
    public static readonly IReadOnlyList<string> Statuses = [.. CatalogueWords.TaskStatus.All.Keys, Overdue];

    public async Task<IReadOnlyList<TaskView>> HandleAsync(TaskFilter filter, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        var year = VietnamTime.Now(clock).Year;
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var lineage = caller.Lineage;

        var tasks = db.Tasks.AsNoTracking();
        if (filter.Status == Overdue)
            tasks = tasks.Where(TaskDeadline.Overdue(year));
        else if (CatalogueWords.TaskStatus.TryParse(filter.Status, out var status))
            tasks = tasks.Where(t => t.Status == status);
        var rows = from t in tasks
                   join d in db.Documents on t.DocumentCode equals d.Code
                   join a in db.Agencies on new { t.UnitCode, Code = t.LeadAgencyCode } equals new { a.UnitCode, a.Code }
                   select new { Task = t, Document = d, Agency = a };
        if (!filter.IncludeRetired) rows = rows.Where(r => !r.Task.IsRetired);
        if (filter.Document is { Length: > 0 } document) rows = rows.Where(r => r.Task.DocumentCode == document);
        if (filter.LeadAgency is { Length: > 0 } agency) rows = rows.Where(r => r.Task.LeadAgencyCode == agency);
        var codes = filter.Unit is { Length: > 0 } unit ? caller.Require(unit) : caller.ReadableUnits;
        rows = rows.Where(r => codes.Contains(r.Task.UnitCode));
        if (SearchText.Phrase(filter.Search) is { } phrase)
            rows = rows.Where(r => r.Task.SearchText.Contains(phrase) || r.Agency.SearchText.Contains(phrase));

        var list = await rows.OrderBy(r => r.Task.DocumentCode).ThenBy(r => r.Task.Number).ToListAsync(ct);
        return list.Select(r => new TaskView(
            r.Task.Id, r.Task.DocumentCode, r.Document.Number, r.Task.Number, r.Task.NameVi,
            UnitLineage.Ref(lineage.Find(r.Task.UnitCode)!), r.Task.LeadAgencyCode, r.Agency.NameVi,
            r.Task.CoordinatingAgencyCodes, r.Task.CoordinatingText, r.Task.ProductVi, r.Task.StartYear, r.Task.EndYear,
            r.Task.TimeframeText, r.Task.Status, r.Task.IsOverdue(year), r.Task.ProgressNote,
            r.Task.SourceFile, r.Task.SourceQuote, r.Task.IsRetired, r.Task.Version, r.Task.PercentDone,
            RetirementView.Of(r.Task.IsRetired, r.Task.RetiredBy, r.Task.RetiredAt, r.Task.RetiredReason))).ToList();
    }
}
