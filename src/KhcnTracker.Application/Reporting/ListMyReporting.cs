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

    public string? DefinitionVi { get; init; }
    public string? DefinitionEn { get; init; }

    /// <summary>The indicator's plausibility band: a figure outside it is warned about, not refused.</summary>
    public Domain.Catalogue.PlausibilityBand Band { get; init; } = Domain.Catalogue.PlausibilityBand.None;

    /// <summary>The province's latest approved figure of a period ending before this one (for a yearly period, its own first half when reported).</summary>
    public PastFigure? LastPeriod { get; init; }

    /// <summary>The province's approved figure of the same period a year earlier (2025 for 2026, 2025-H1 for 2026-H1).</summary>
    public PastFigure? LastYear { get; init; }

    /// <summary>What a jump is measured from: last year's figure for the same kind of period, or else the last period's.</summary>
    public PastFigure? JumpBase => LastYear ?? LastPeriod;

    /// <summary>What is unusual about <paramref name="value"/> for this indicator (<see cref="Domain.Catalogue.PlausibilityBand.Check"/>).</summary>
    public IReadOnlyList<Domain.Catalogue.PlausibilityWarning> WarningsFor(decimal value) => Band.Check(value, JumpBase?.Value);
}

/// <summary>An approved figure of an earlier period, with that period's code.</summary>
public sealed record PastFigure(string Period, decimal Value);

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
        // The approved figures of earlier periods, shown beside the field (the latest approved revision of each).
        var approved = (await db.Values.AsNoTracking()
                .Where(v => units.Contains(v.UnitCode) && codes.Contains(v.IndicatorCode) && v.Status == ValueStatus.Approved && v.Value != null)
                .Select(v => new { v.UnitCode, v.IndicatorCode, v.PeriodCode, v.Revision, v.Value }).ToListAsync(ct))
            .GroupBy(v => (v.UnitCode, v.IndicatorCode))
            .ToDictionary(g => g.Key, g => g.GroupBy(v => v.PeriodCode).Select(p => p.MaxBy(v => v.Revision)!)
                .Select(v => new PastFigure(v.PeriodCode, v.Value!.Value)).ToList());
        List<PastFigure> PastOf(string unit, string indicator) => approved.GetValueOrDefault((unit, indicator)) ?? [];
        return (from a in assignments
                let i = indicators[a.IndicatorCode]
                where !i.IsRetired && !i.IsComputed
                from p in periods
                where (p.Half is null || i.ReportsHalfYearly) && periodOf(a.UnitCode, p.Code)?.State == PeriodState.Open
                let value = byKey.GetValueOrDefault((a.UnitCode, a.IndicatorCode, p.Code))
                orderby p.DueOn, i.NameVi
                select new ReportingItem(a.UnitCode, i.Code, i.NameVi, i.Measure, i.Decimals,
                    p.Code, p.DueOn, p.DueOn < today && ValueView.IsStillToReport(value), value, feeds[i.Code].ToList())
                {
                    IndicatorNameEn = i.NameEn, DefinitionVi = i.DefinitionVi, DefinitionEn = i.DefinitionEn, Band = i.Band,
                    LastPeriod = PastFigures.LastPeriod(PastOf(a.UnitCode, i.Code), p.Code),
                    LastYear = PastFigures.LastYear(PastOf(a.UnitCode, i.Code), p.Code),
                }).ToList();
    }
}

/// <summary>Which earlier approved figure is "last period" and which "last year" for a period code.</summary>
internal static class PastFigures
{
    /// <summary>The figure of the latest period that ends before <paramref name="period"/> ends (a yearly and a second half end together: the yearly wins).</summary>
    public static PastFigure? LastPeriod(IEnumerable<PastFigure> figures, string period)
    {
        var ends = EndOf(period);
        return figures.Where(f => EndOf(f.Period) < ends)
            .OrderByDescending(f => EndOf(f.Period)).ThenBy(f => ReportingPeriod.Parse(f.Period).Half ?? 0).FirstOrDefault();
    }

    /// <summary>The figure of the same kind of period one year earlier.</summary>
    public static PastFigure? LastYear(IEnumerable<PastFigure> figures, string period)
    {
        var (year, half) = ReportingPeriod.Parse(period);
        var code = half is { } h ? $"{year - 1}-H{h}" : $"{year - 1}";
        return figures.FirstOrDefault(f => f.Period == code);
    }

    private static DateOnly EndOf(string period) => ReportingPeriod.Parse(period) is var (year, half) && half == 1 ? new(year, 6, 30) : new(year, 12, 31);
}
