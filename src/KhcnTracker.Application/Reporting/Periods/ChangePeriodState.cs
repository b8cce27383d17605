namespace KhcnTracker.Application.Reporting.Periods;

/// <summary>Open (and reopen), close or lock one province's period, with a reason.</summary>
public sealed record ChangePeriodStateCommand(string Period, string Unit, PeriodState To, string? Reason, uint? Version = null);

/// <summary>
/// The province's reviewers run its own periods; administrators those of any province. Another province's reviewer is
/// refused (403), whatever the period. Each change is one audited row change: who, when, from what to what, and why.
/// </summary>
public sealed class ChangePeriodState(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<UnitPeriodView> HandleAsync(ChangePeriodStateCommand c, CancellationToken ct = default)
    {
        user.EnsureCanRunPeriodsOf(c.Unit ?? "");
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Units.AnyAsync(u => u.Code == c.Unit, ct)) throw new NotFoundException("not-found.unit", c.Unit);
        var period = await UnitPeriods.GetAsync(db, c.Unit!, c.Period, ct);
        if (c.Version is { } v && period.Version != 0 && v != period.Version)
            throw new ConcurrencyConflictException("conflict.period-state");
        var isNew = db.Entry(period).State == EntityState.Detached;
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            var (reason, by, at) = (c.Reason ?? "", user.Account!, clock.GetUtcNow());
            switch (c.To)
            {
                case PeriodState.Open: period.Open(reason, by, at); break;
                case PeriodState.Closed: period.Close(reason, by, at); break;
                case PeriodState.Locked: period.Lock(reason, by, at); break;
                default: throw new Domain.Common.DomainException("period.state-invalid", "Unknown period state.");
            }
            if (isNew) db.UnitPeriods.Add(period);
            else if (c.Version is { } expected) db.Entry(period).Property(x => x.Version).OriginalValue = expected;
            return Task.CompletedTask;
        });
        return UnitPeriodView.Of(period);
    }
}
