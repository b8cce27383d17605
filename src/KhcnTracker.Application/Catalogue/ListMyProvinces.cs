namespace KhcnTracker.Application.Catalogue;

/// <summary>
/// The caller's provinces, as the pages offer them: today's provinces they read (by name); today's units they read (the
/// country too, for national roles); the province of their own grants (null for national roles and administrators); and
/// the provinces they review.
/// </summary>
public sealed record MyProvinces(IReadOnlyList<UnitView> Provinces, IReadOnlyList<UnitView> Units, string? Own, IReadOnlyList<string> Reviewing)
{
    /// <summary>The province a page shows first: the caller's own, else the first they read (none: null).</summary>
    public string? First => Own ?? Provinces.FirstOrDefault()?.Code;
}

/// <summary>"My provinces": one query for every page's province selector, from the caller's scope.</summary>
public sealed class ListMyProvinces(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes)
{
    public async Task<MyProvinces> HandleAsync(CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        // The scope's units are in the catalogue's order (by name, as the database sorts it), as the unit lists show them.
        var caller = await scopes.ForAsync(db, user, ct);
        var reviewing = caller.Provinces.Select(p => p.Code).Where(user.CanReview).ToList();
        var today = caller.Units.Where(u => u.SuccessorCode is null && caller.CanRead(u.Code)).Select(u => ListUnits.View(u, caller.Lineage)).ToList();
        return new MyProvinces(today.Where(u => caller.Provinces.Any(p => p.Code == u.Code)).ToList(), today, caller.OwnProvince, reviewing);
    }
}
