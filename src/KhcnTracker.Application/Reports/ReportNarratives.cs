namespace KhcnTracker.Application.Reports;

public sealed record NarrativeView(string Unit, string Period, string? Assessment, string? Difficulties, string? Proposals,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, uint? Version);

/// <summary><see cref="Version"/> is the one the writer started from (null for a first draft): a stale one is refused.</summary>
public sealed record SaveNarrativeCommand(string Unit, string Period, uint? Version, string? Assessment, string? Difficulties, string? Proposals);

/// <summary>The words of the periodic report: read by those who read the province's values, written by its reviewers.</summary>
public sealed class ReportNarratives(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<NarrativeView> GetAsync(string unit, string period, CancellationToken ct = default)
    {
        user.EnsureCanReadValuesOf(unit);
        await using var db = await dbFactory.CreateAsync(ct);
        var n = await db.ReportNarratives.AsNoTracking().SingleOrDefaultAsync(x => x.UnitCode == unit && x.PeriodCode == period, ct);
        return n is null
            ? new NarrativeView(unit, period, null, null, null, null, null, null)
            : new NarrativeView(unit, period, n.Assessment, n.Difficulties, n.Proposals, n.UpdatedBy, n.UpdatedAt, n.Version);
    }

    public async Task<NarrativeView> SaveAsync(SaveNarrativeCommand c, CancellationToken ct = default)
    {
        user.EnsureCanReview(c.Unit);
        await using var db = await dbFactory.CreateAsync(ct);
        var period = await Reporting.Periods.UnitPeriods.GetAsync(db, c.Unit, c.Period, ct);
        var narrative = await db.ReportNarratives.SingleOrDefaultAsync(x => x.UnitCode == c.Unit && x.PeriodCode == c.Period, ct);
        if (narrative is not null && c.Version != narrative.Version || narrative is null && c.Version is not null)
            throw new ConcurrencyConflictException("conflict.narrative");
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            if (narrative is null) db.ReportNarratives.Add(narrative = new ReportNarrative(c.Unit, c.Period));
            else db.Entry(narrative).Property(x => x.Version).OriginalValue = c.Version!.Value;
            narrative.Write(period, c.Assessment, c.Difficulties, c.Proposals, user.Account!, clock.GetUtcNow());
            return Task.CompletedTask;
        });
        return await GetAsync(c.Unit, c.Period, ct);
    }
}
