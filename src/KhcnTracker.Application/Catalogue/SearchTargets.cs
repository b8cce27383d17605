namespace KhcnTracker.Application.Catalogue;

public enum TargetSort { Unit, Indicator, Year, Document }

/// <summary>
/// Filters for the targets grid and the API. <see cref="Unit"/> includes the units merged into it, so Phú Thọ shows
/// Vĩnh Phúc's targets too. <see cref="Search"/> ignores case and diacritics.
/// </summary>
public sealed record TargetFilter(
    string? Unit = null, int? Year = null, string? Area = null, string? Document = null, string? Search = null,
    bool IncludeRetired = false, int Skip = 0, int Take = 50, TargetSort SortBy = TargetSort.Unit, bool Descending = false);

public sealed class SearchTargets(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public const int MaxPageSize = 500;

    public async Task<Paged<TargetView>> HandleAsync(TargetFilter filter, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var lineage = new UnitLineage(await db.Units.AsNoTracking().ToListAsync(ct));

        var rows = from t in db.Targets.AsNoTracking()
                   join i in db.Indicators on t.IndicatorCode equals i.Code
                   join d in db.Documents on t.DocumentCode equals d.Code
                   join u in db.Units on t.UnitCode equals u.Code
                   select new Row { Target = t, Indicator = i, Document = d, Unit = u };

        if (!filter.IncludeRetired) rows = rows.Where(r => !r.Target.IsRetired);
        if (filter.Unit is { Length: > 0 } unit)
        {
            var codes = lineage.WithPredecessors(unit);
            rows = rows.Where(r => codes.Contains(r.Target.UnitCode));
        }
        if (filter.Year is { } year) rows = rows.Where(r => r.Target.Year == year);
        if (filter.Document is { Length: > 0 } document) rows = rows.Where(r => r.Target.DocumentCode == document);
        if (CatalogueWords.Area.TryParse(filter.Area, out var area)) rows = rows.Where(r => r.Indicator.Areas.HasFlag(area));
        if (SearchText.Phrase(filter.Search) is { } phrase)
            rows = rows.Where(r => r.Indicator.SearchText.Contains(phrase) || r.Unit.SearchText.Contains(phrase) || r.Target.SearchText.Contains(phrase));

        var total = await rows.CountAsync(ct);
        var page = await Sort(rows, filter.SortBy, filter.Descending)
            .Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, MaxPageSize)).ToListAsync(ct);
        return new Paged<TargetView>(page.Select(r => ToView(r, lineage)).ToList(), total);
    }

    private static IQueryable<Row> Sort(IQueryable<Row> rows, TargetSort sort, bool descending) => (sort, descending) switch
    {
        (TargetSort.Indicator, false) => rows.OrderBy(r => r.Indicator.NameVi).ThenBy(r => r.Target.Year),
        (TargetSort.Indicator, true) => rows.OrderByDescending(r => r.Indicator.NameVi).ThenBy(r => r.Target.Year),
        (TargetSort.Year, false) => rows.OrderBy(r => r.Target.Year).ThenBy(r => r.Indicator.NameVi),
        (TargetSort.Year, true) => rows.OrderByDescending(r => r.Target.Year).ThenBy(r => r.Indicator.NameVi),
        (TargetSort.Document, false) => rows.OrderBy(r => r.Document.Year).ThenBy(r => r.Document.Code).ThenBy(r => r.Target.Id),
        (TargetSort.Document, true) => rows.OrderByDescending(r => r.Document.Year).ThenBy(r => r.Document.Code).ThenBy(r => r.Target.Id),
        (_, false) => rows.OrderBy(r => r.Unit.NameVi).ThenBy(r => r.Target.Year).ThenBy(r => r.Indicator.NameVi),
        (_, true) => rows.OrderByDescending(r => r.Unit.NameVi).ThenBy(r => r.Target.Year).ThenBy(r => r.Indicator.NameVi),
    };

    internal static TargetView ToView(Row r, UnitLineage lineage)
    {
        var t = r.Target;
        var current = lineage.Current(t.UnitCode);
        return new TargetView(
            t.Id, UnitLineage.Ref(r.Unit),
            new TargetDocumentRef(r.Document.Code, r.Document.Number, r.Document.IssuedOn, r.Document.Year, r.Document.TitleVi),
            new TargetIndicatorRef(r.Indicator.Code, r.Indicator.NameVi, r.Indicator.NameEn, r.Indicator.Measure,
                CatalogueWords.FormatAreas(r.Indicator.Areas), r.Indicator.Decimals),
            t.Comparator, t.Value, t.ValueMax, t.Year,
            t.Growth is { } g ? new GrowthView(CatalogueWords.Growth.Format(g.Mode), g.FromYear, g.ToYear) : null,
            t.BaselineYear, t.BaselineValue, t.SourceFile, t.SourceQuote, t.NoteVi, t.ToBeConfirmed, t.IsRetired,
            current.Code == t.UnitCode ? null : UnitLineage.Ref(current), t.Version,
            RetirementView.Of(t.IsRetired, t.RetiredBy, t.RetiredAt, t.RetiredReason));
    }

    // A member-init type, not a positional record: EF Core can translate member access only through initialisers.
    internal sealed class Row
    {
        public required Target Target { get; init; }
        public required Indicator Indicator { get; init; }
        public required PolicyDocument Document { get; init; }
        public required AdministrativeUnit Unit { get; init; }
    }
}
