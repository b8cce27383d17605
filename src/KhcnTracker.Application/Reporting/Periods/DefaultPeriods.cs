namespace KhcnTracker.Application.Reporting.Periods;

/// <summary>
/// The periods every year brings: the year (due 31 January of the next) and its first half (due 31 July), open in every
/// province. They exist from 2024 (the portal's first year; 2024 comes locked, as history) to the current year in
/// Vietnam time — made at start-up and again, without a restart, as soon as someone reads the periods in a new year.
/// </summary>
public static class DefaultPeriods
{
    public const int FirstYear = 2024;

    public static IEnumerable<ReportingPeriod> Of(int year) =>
    [
        new($"{year}-H1", new DateOnly(year, 7, 31)),
        new($"{year}", new DateOnly(year + 1, 1, 31)),
    ];

    /// <summary>Adds the default periods missing up to <paramref name="thisYear"/>, with a row for every unit; how many periods were added.</summary>
    public static async Task<int> AddMissingAsync(IAppDbContext db, int thisYear, CancellationToken ct)
    {
        var existing = await db.Periods.Select(p => p.Code).ToHashSetAsync(ct);
        var missing = Enumerable.Range(FirstYear, Math.Max(0, thisYear - FirstYear + 1)).SelectMany(Of)
            .Where(p => !existing.Contains(p.Code)).ToList();
        if (missing.Count == 0) return 0;
        var units = await db.Units.Select(u => u.Code).ToListAsync(ct);
        foreach (var period in missing)
        {
            db.Periods.Add(period);
            var state = period.Year <= FirstYear ? PeriodState.Locked : PeriodState.Open;
            foreach (var unit in units) db.UnitPeriods.Add(new UnitPeriod(period, unit, state));
        }
        return missing.Count;
    }

    /// <summary>
    /// Makes this year's periods if the year has turned since they were last made. Two requests at the turn of the year
    /// may both try: the second one's insert is refused by the primary key and it reads the first one's rows.
    /// </summary>
    public static async Task EnsureThisYearAsync(IAppDbContextFactory factory, TimeProvider clock, CancellationToken ct)
    {
        var thisYear = VietnamTime.Of(clock.GetUtcNow()).Year;
        await using var db = await factory.CreateAsync(ct);
        if (await db.Periods.AnyAsync(p => p.Code == thisYear.ToString(), ct)) return;
        try
        {
            if (await AddMissingAsync(db, thisYear, ct) > 0) await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Made meanwhile by another request or node.
        }
    }
}
