namespace KhcnTracker.Application.Progress;

/// <summary>
/// A province at a glance: statuses counted per area, the headline cards, task completion by lead agency and the
/// overdue tasks. A province of today includes the targets and tasks of the provinces merged into it.
/// </summary>
public sealed class GetProvinceOverview(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock)
{
    public async Task<ProvinceOverview> HandleAsync(string unitCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var (units, lineage) = (caller.Units, caller.Lineage);
        var scope = caller.Require(unitCode);
        var year = VietnamTime.Now(clock).Year;
        var data = await ProgressData.LoadAsync(db, units, year, scope, null, ct);

        var statuses = data.Targets.Select(t => (Target: t, Progress: data.Evaluate(t))).ToList();
        var areas = ProgressData.AreaCounts(statuses, data.Indicators);

        var headlines = ProgressWords.Headlines.Where(data.Indicators.ContainsKey).Select(code =>
        {
            var target = ProgressData.TargetThatMattersNow(data.Targets.Where(t => t.IndicatorCode == code), year);
            var series = data.SeriesFor(target?.UnitCode ?? unitCode, code);
            return new HeadlineCard(ProgressData.IndicatorRef(data.Indicators[code]),
                target is null ? null : statuses.First(s => s.Target.Id == target.Id).Progress, series);
        }).ToList();

        var tasks = await db.Tasks.AsNoTracking().Where(t => !t.IsRetired && scope.Contains(t.UnitCode)).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => scope.Contains(a.UnitCode)).ToListAsync(ct);
        var agencyName = agencies.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First());
        var completion = tasks.GroupBy(t => t.LeadAgencyCode).Select(g =>
        {
            var agency = agencyName.GetValueOrDefault(g.Key);
            return new AgencyTaskCompletion(g.Key, agency?.NameVi ?? g.Key, agency?.NameEn ?? g.Key,
                g.Count(t => t.Status == PlanTaskStatus.Done), g.Count(t => t.Status == PlanTaskStatus.InProgress),
                g.Count(t => t.Status == PlanTaskStatus.NotStarted), g.Count(t => t.IsOverdue(year)));
        }).OrderByDescending(a => a.Total).ThenBy(a => a.AgencyNameVi).ToList();
        var overdue = tasks.Where(t => t.IsOverdue(year)).OrderBy(t => t.EndYear).ThenBy(t => t.Number)
            .Select(t => new OverdueTask(t.Id, t.Number, t.NameVi, agencyName.GetValueOrDefault(t.LeadAgencyCode)?.NameVi ?? t.LeadAgencyCode,
                t.EndYear, t.Status) { LeadAgencyNameEn = agencyName.GetValueOrDefault(t.LeadAgencyCode)?.NameEn ?? t.LeadAgencyCode })
            .ToList();

        var targets = statuses.Select(s => s.Progress)
            .OrderBy(p => ProgressWords.Rank(p.Status)).ThenBy(p => p.TargetYear).ThenBy(p => p.Indicator.NameVi).ToList();
        return new ProvinceOverview(UnitLineage.Ref(lineage.Find(unitCode)!), year, areas, headlines, completion, overdue, targets);
    }
}
