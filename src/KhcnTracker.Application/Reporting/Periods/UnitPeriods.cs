namespace KhcnTracker.Application.Reporting.Periods;

/// <summary>
/// The one place use cases learn whether a province may write in a period: its own <see cref="UnitPeriod"/>. A province
/// without a row of its own (a unit added after the period was made) sees the period closed: staff cannot write until
/// someone opens it for them, and nothing is ever open by accident.
/// </summary>
public static class UnitPeriods
{
    /// <summary>The province's period (tracked, so a change of state is saved), or null when no such period exists.</summary>
    public static async Task<UnitPeriod?> FindAsync(IAppDbContext db, string unitCode, string periodCode, CancellationToken ct)
    {
        var own = await db.UnitPeriods.SingleOrDefaultAsync(p => p.UnitCode == unitCode && p.PeriodCode == periodCode, ct);
        if (own is not null) return own;
        var period = await db.Periods.FindAsync([periodCode], ct);
        return period is null ? null : new UnitPeriod(period, unitCode, PeriodState.Closed);
    }

    /// <summary>Like <see cref="FindAsync"/>, refusing with the use cases' "unknown period" when there is none.</summary>
    public static async Task<UnitPeriod> GetAsync(IAppDbContext db, string unitCode, string periodCode, CancellationToken ct) =>
        await FindAsync(db, unitCode, periodCode, ct) ?? throw new NotFoundException("not-found.period", periodCode);

    /// <summary>Every period of the given provinces, as (unit, code) → its state (an import checks many rows at once).</summary>
    public static async Task<Func<string, string, UnitPeriod?>> LookupAsync(IAppDbContext db, IReadOnlyCollection<string> unitCodes, CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().ToDictionaryAsync(p => p.Code, ct);
        var own = await db.UnitPeriods.AsNoTracking().Where(p => unitCodes.Contains(p.UnitCode)).ToListAsync(ct);
        var byKey = own.ToDictionary(p => (p.UnitCode, p.PeriodCode));
        return (unit, code) => byKey.GetValueOrDefault((unit, code))
                               ?? (periods.TryGetValue(code, out var period) ? new UnitPeriod(period, unit, PeriodState.Closed) : null);
    }
}

/// <summary>The period checks for doors that have no domain method of their own to pass the period to (evidence, task progress).</summary>
public static class UnitPeriodChecks
{
    public static void EnsureStaffMayWrite(this UnitPeriod period) => Refused(period.EnsureStaffCanWrite);

    public static void EnsureReviewerMayWrite(this UnitPeriod period) => Refused(period.EnsureReviewerCanWrite);

    private static void Refused(Action check)
    {
        try
        {
            check();
        }
        catch (Domain.Common.DomainException e)
        {
            throw CommandRejectedException.From(e);
        }
    }
}
