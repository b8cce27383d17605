namespace KhcnTracker.Application.Reporting;

public sealed record AssignmentView(string Unit, string Indicator, string IndicatorNameVi, string Agency, uint Version)
{
    /// <summary>The indicator's English name, for a reader who chose English.</summary>
    public string IndicatorNameEn { get; init; } = IndicatorNameVi;
}

/// <summary>Which agency reports which indicator in a province: read by everyone signed in, changed by administrators.</summary>
public sealed class Assignments(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<AssignmentView>> ListAsync(string unit, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        return await (from a in db.Assignments.AsNoTracking()
                      where a.UnitCode == unit
                      join i in db.Indicators on a.IndicatorCode equals i.Code
                      orderby i.NameVi
                      select new AssignmentView(a.UnitCode, a.IndicatorCode, i.NameVi, a.AgencyCode, a.Version) { IndicatorNameEn = i.NameEn }).ToListAsync(ct);
    }

    public async Task AssignAsync(string unit, string indicator, string agency, uint? version, CancellationToken ct = default)
    {
        user.EnsureCanEditCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Agencies.FindAsync([unit, agency], ct) is null)
            throw new CommandRejectedException([new RuleViolation("agency", "task.lead-agency-missing", "Unknown agency.")]);
        // Any indicator of the catalogue may be assigned, not only those of the shipped targets.
        if (await db.Indicators.FindAsync([indicator], ct) is not { IsRetired: false })
            throw new CommandRejectedException([new RuleViolation("indicator", "target.indicator-missing", "Unknown indicator.")]);
        var assignment = await db.Assignments.FindAsync([unit, indicator], ct);
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            if (assignment is null) db.Assignments.Add(new Assignment(unit, indicator, agency));
            else
            {
                if (version is { } v) db.Entry(assignment).Property(a => a.Version).OriginalValue = v;
                assignment.AssignTo(agency);
            }
            return Task.CompletedTask;
        });
    }
}
