namespace KhcnTracker.Application.Catalogue;

public sealed class ListIndicators(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<IndicatorView>> HandleAsync(string? search = null, bool includeRetired = false, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Indicators.AsNoTracking().Where(i => includeRetired || !i.IsRetired);
        if (SearchText.Phrase(search) is { } phrase)
            query = query.Where(i => i.SearchText.Contains(phrase));
        var indicators = await query.OrderBy(i => i.NameVi).ToListAsync(ct);
        return indicators.Select(ToView).ToList();
    }

    public static IndicatorView ToView(Indicator i) => new(
        i.Code, i.NameVi, i.NameEn, CatalogueWords.FormatAreas(i.Areas), i.Measure,
        i.Direction, i.Decimals, i.AllowsOver100, i.DefinitionVi, i.DefinitionEn, i.Formula,
        i.ReportsHalfYearly, i.IsRetired, i.Version, i.Band, RetirementView.Of(i.IsRetired, i.RetiredBy, i.RetiredAt, i.RetiredReason));
}
