namespace KhcnTracker.Application.Catalogue;

public sealed class ListUnits(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<UnitView>> HandleAsync(CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Level).ThenBy(u => u.NameVi).ToListAsync(ct);
        var lineage = new UnitLineage(units);
        return units.Select(u => View(u, lineage)).ToList();
    }

    internal static UnitView View(Domain.Catalogue.AdministrativeUnit u, UnitLineage lineage) => new(
        u.Code, u.NameVi, u.NameEn, CatalogueWords.Level.Format(u.Level),
        u.SuccessorCode is { } s ? UnitLineage.Ref(lineage.Find(s)!) : null,
        u.MergedOn,
        lineage.WithPredecessors(u.Code).Skip(1).Select(c => UnitLineage.Ref(lineage.Find(c)!)).ToList(),
        u.IsCity, u.LineageToBeConfirmed);
}
