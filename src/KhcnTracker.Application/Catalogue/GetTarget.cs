namespace KhcnTracker.Application.Catalogue;

public sealed class GetTarget(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<TargetView> HandleAsync(int id, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var lineage = new UnitLineage(await db.Units.AsNoTracking().ToListAsync(ct));
        var row = await (from t in db.Targets.AsNoTracking()
                         where t.Id == id
                         join i in db.Indicators on t.IndicatorCode equals i.Code
                         join d in db.Documents on t.DocumentCode equals d.Code
                         join u in db.Units on t.UnitCode equals u.Code
                         select new SearchTargets.Row { Target = t, Indicator = i, Document = d, Unit = u }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("not-found.target", id);
        return SearchTargets.ToView(row, lineage);
    }
}
