namespace KhcnTracker.Application.Catalogue;

public sealed class ListDocuments(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<DocumentView>> HandleAsync(bool includeRetired = false, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => includeRetired || !d.IsRetired)
            .OrderBy(d => d.Year).ThenBy(d => d.Code).ToListAsync(ct);
        return documents.Select(ToView).ToList();
    }

    public static DocumentView ToView(PolicyDocument d) => new(
        d.Code, d.Number, CatalogueWords.Kind.Format(d.Kind), d.TitleVi, d.TitleEn, d.Issuer, d.UnitCode, d.IssuedOn, d.Year,
        d.ImplementsCode, d.SourceFile, d.ToBeConfirmed, d.IsRetired, d.Version,
        RetirementView.Of(d.IsRetired, d.RetiredBy, d.RetiredAt, d.RetiredReason));
}
