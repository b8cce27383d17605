using KhcnTracker.Application.Catalogue;

namespace KhcnTracker.Infrastructure.Catalogue;

/// <summary>Turns the data files' rows into the model's details, reading their words with <see cref="CatalogueWords"/>.</summary>
internal static class CatalogueMapping
{
    public static DocumentDetails Details(DocumentRow r) => new(
        r.Number, CatalogueWords.Kind.Parse(r.Kind), r.TitleVi, r.TitleEn, r.Issuer, r.Unit, r.Date, r.Year, r.Implements,
        r.SourceFile, r.ToBeConfirmed);

    public static IndicatorDetails Details(IndicatorRow r) => new(
        r.NameVi, r.NameEn, CatalogueWords.ParseAreas(r.Areas), CatalogueWords.Measure.Parse(r.Measure),
        CatalogueWords.Direction.Parse(r.Direction), r.Decimals, r.AllowsOver100, r.DefinitionVi, r.DefinitionEn, r.Formula, r.HalfYearly);

    public static TargetTerms Terms(TargetRow r) => new(
        r.Year, CatalogueWords.Comparator.Parse(r.Comparator), r.Value, r.ValueMax,
        r.Growth is { } g ? new TargetGrowth(CatalogueWords.Growth.Parse(g.Mode), g.FromYear, g.ToYear) : null,
        r.BaselineYear, r.BaselineValue, r.NoteVi);

    public static TaskDetails Details(TaskRow r) => new(
        r.NameVi, r.LeadAgency, r.CoordinatingAgencies ?? [], r.CoordinatingText, r.ProductVi,
        r.StartYear, r.EndYear, r.TimeframeText, r.SourceFile, r.Quote);
}
