namespace KhcnTracker.Application.Reporting;

/// <summary>
/// One line of a staff member's worklist: an assigned indicator in an open period, with its latest value, and the
/// computed indicators it feeds (the budget share is never typed: its inputs are, and they say so).
/// </summary>
public sealed record ReportingItem(string Unit, string Indicator, string IndicatorNameVi, Domain.Catalogue.Measure Measure, int Decimals,
    string Period, DateOnly DueOn, bool Overdue, ValueView? Latest, IReadOnlyList<FedIndicator> Feeds)
{
    /// <summary>Nothing entered, a draft or a returned value: the worklist, the notifications and overdue count these.</summary>
    public bool IsStillToReport => ValueView.IsStillToReport(Latest);

    /// <summary>The indicator's English name, for a reader who chose English.</summary>
    public string IndicatorNameEn { get; init; } = IndicatorNameVi;
}

public sealed record FedIndicator(string Code, string NameVi, string NameEn);

public sealed class ListMyReporting(IAppDbContextFactory dbFactory, ICurrentUser user, ListValues values, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportingItem>> HandleAsync(CancellationToken ct = default)
    {
        var mine = user.ReportingAgencies();
        if (mine.Count == 0) return [];
        var today = DateOnly.FromDateTime(VietnamTime.Of(clock.GetUtcNow()).Date);
        await Periods.DefaultPeriods.EnsureThisYearAsync(dbFactory, clock, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var units = mine.Select(m => m.UnitCode).Distinct().ToList();
        var assignments = (await db.Assignments.AsNoTracking().Where(a => units.Contains(a.UnitCode)).ToListAsync(ct))
            .Where(a => mine.Contains((a.UnitCode, a.AgencyCode))).ToList();
        var codes = assignments.Select(a => a.IndicatorCode).ToList();
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var feeds = indicators.Values.Where(i => i.IsComputed && !i.IsRetired)
            .SelectMany(i => i.FormulaInputs().Select(input => (Input: input, Fed: new FedIndicator(i.Code, i.NameVi, i.NameEn))))
            .ToLookup(x => x.Input, x => x.Fed);
        var periods = await db.Periods.AsNoTracking().OrderBy(p => p.DueOn).ToListAsync(ct);
        // Only the periods open in the province: each province runs its own (decision 0009).
        var periodOf = await Periods.UnitPeriods.LookupAsync(db, units, ct);
        var latest = await values.HandleAsync(new ValueFilter(), ct);
        var byKey = latest.ToDictionary(v => (v.Unit, v.Indicator, v.Period));
        return (from a in assignments
                let i = indicators[a.IndicatorCode]
                where !i.IsRetired && !i.IsComputed
                from p in periods
                where (p.Half is null || i.ReportsHalfYearly) && periodOf(a.UnitCode, p.Code)?.State == PeriodState.Open
                let value = byKey.GetValueOrDefault((a.UnitCode, a.IndicatorCode, p.Code))
                orderby p.DueOn, i.NameVi
                select new ReportingItem(a.UnitCode, i.Code, i.NameVi, i.Measure, i.Decimals,
                    p.Code, p.DueOn, p.DueOn < today && ValueView.IsStillToReport(value), value, feeds[i.Code].ToList())
                { IndicatorNameEn = i.NameEn }).ToList();
    }
}
