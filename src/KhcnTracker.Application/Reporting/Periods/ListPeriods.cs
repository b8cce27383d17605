namespace KhcnTracker.Application.Reporting.Periods;

/// <summary>
/// The periods of one province, newest first, each with the province's state. Read by whoever reads its values. Reading
/// them in a new year makes that year's periods first (<see cref="DefaultPeriods.EnsureThisYearAsync"/>).
/// </summary>
public sealed class ListPeriods(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitPeriodView>> HandleAsync(string unit, CancellationToken ct = default)
    {
        user.EnsureCanReadValuesOf(unit);
        await DefaultPeriods.EnsureThisYearAsync(dbFactory, clock, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Units.AnyAsync(u => u.Code == unit, ct)) throw new NotFoundException("not-found.unit", unit);
        var codes = await db.Periods.AsNoTracking().Select(p => p.Code).ToListAsync(ct);
        var periods = new List<UnitPeriodView>();
        var lookup = await UnitPeriods.LookupAsync(db, [unit], ct);
        foreach (var code in codes) periods.Add(UnitPeriodView.Of(lookup(unit, code)!));
        return periods.OrderByDescending(p => p.Year).ThenBy(p => p.Half is null).ThenByDescending(p => p.Half).ToList();
    }
}
