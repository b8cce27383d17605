namespace KhcnTracker.Application.Catalogue;

/// <summary>How many targets each unit of today has per area, counting the targets of the units merged into it.</summary>
public sealed record UnitSummary(UnitRef Unit, int Targets, int Khcn, int Dmst, int Cds, int Tasks, int OverdueTasks);

public sealed class SummarizeCatalogue(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitSummary>> HandleAsync(CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        var year = VietnamTime.Now(clock).Year;
        await using var db = await dbFactory.CreateAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var lineage = new UnitLineage(units);
        var targets = await (from t in db.Targets.AsNoTracking()
                             where !t.IsRetired
                             join i in db.Indicators on t.IndicatorCode equals i.Code
                             select new { t.UnitCode, i.Areas }).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => !t.IsRetired).ToListAsync(ct);

        return units.Where(u => u.SuccessorCode is null)
            .OrderBy(u => u.Level).ThenBy(u => u.NameVi)
            .Select(u =>
            {
                var codes = lineage.WithPredecessors(u.Code);
                var mine = targets.Where(t => codes.Contains(t.UnitCode)).ToList();
                var myTasks = tasks.Where(t => codes.Contains(t.UnitCode)).ToList();
                return new UnitSummary(UnitLineage.Ref(u), mine.Count,
                    mine.Count(t => t.Areas.HasFlag(IndicatorAreas.Khcn)),
                    mine.Count(t => t.Areas.HasFlag(IndicatorAreas.Dmst)),
                    mine.Count(t => t.Areas.HasFlag(IndicatorAreas.Cds)),
                    myTasks.Count, myTasks.Count(t => t.IsOverdue(year)));
            }).ToList();
    }
}
