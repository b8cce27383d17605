namespace KhcnTracker.Application.Catalogue;

public sealed class ListAgencies(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<AgencyView>> HandleAsync(string? unit = null, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => unit == null || a.UnitCode == unit)
            .OrderBy(a => a.UnitCode).ThenBy(a => a.NameVi).ToListAsync(ct);
        return agencies.Select(a => new AgencyView(a.UnitCode, a.Code, a.NameVi, a.NameEn,
            a.SuccessorCode is null ? null : $"{a.SuccessorUnitCode}/{a.SuccessorCode}", a.MergedOn, a.ToBeConfirmed)).ToList();
    }
}
