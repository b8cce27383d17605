namespace KhcnTracker.Application.Reporting;

/// <summary>
/// Each province of today reports every indicator its targets (or its predecessors') use: the Department of Finance
/// the budget and money indicators, the Department of Science and Technology — which consolidates the province's
/// report — the rest. Applied at start-up to the shipped catalogue and whenever an administrator adds or edits a target
/// or indicator, so what is added can be reported at once. Only missing rows are added: administrators reassign, and
/// the rule never overrides them.
/// </summary>
public static class DefaultAssignments
{
    /// <summary>Adds the missing assignments to <paramref name="db"/> (unsaved, with the caller's other changes) and counts them.</summary>
    public static async Task<int> AddMissingAsync(IAppDbContext db, CancellationToken ct)
    {
        var units = await db.Units.ToListAsync(ct);
        var lineage = new UnitLineage(units);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        foreach (var added in db.Indicators.Local) indicators[added.Code] = added;
        var agencies = (await db.Agencies.Select(a => new { a.UnitCode, a.Code }).ToListAsync(ct)).Select(a => (a.UnitCode, a.Code)).ToHashSet();
        var existing = (await db.Assignments.Select(a => new { a.UnitCode, a.IndicatorCode }).ToListAsync(ct))
            .Select(a => (a.UnitCode, a.IndicatorCode)).Concat(db.Assignments.Local.Select(a => (a.UnitCode, a.IndicatorCode))).ToHashSet();
        // The saved targets and those the caller is adding or editing in this same transaction.
        var targets = (await db.Targets.Where(t => !t.IsRetired).Select(t => new { t.Id, t.UnitCode, t.IndicatorCode }).ToListAsync(ct))
            .Select(t => (t.UnitCode, t.IndicatorCode))
            .Concat(db.Targets.Local.Where(t => !t.IsRetired).Select(t => (t.UnitCode, t.IndicatorCode)))
            .Distinct().ToList();
        var count = 0;
        foreach (var unit in units.Where(u => u.Level == UnitLevel.Province && u.SuccessorCode is null))
        {
            var scope = lineage.WithPredecessors(unit.Code);
            var codes = targets.Where(t => scope.Contains(t.UnitCode)).Select(t => t.IndicatorCode)
                .SelectMany(code => indicators[code].FormulaInputs().Prepend(code)).Distinct();
            foreach (var code in codes.Where(c => indicators.ContainsKey(c) && !existing.Contains((unit.Code, c))))
            {
                var agency = indicators[code].Measure == Measure.Money || code.StartsWith("budget-", StringComparison.Ordinal) ? "stc" : "skhcn";
                if (!agencies.Contains((unit.Code, agency))) continue;
                db.Assignments.Add(new Assignment(unit.Code, code, agency));
                existing.Add((unit.Code, code));
                count++;
            }
        }
        return count;
    }
}
