namespace KhcnTracker.Domain.Tests;

/// <summary>Small valid objects of the model, changed per test through <c>with</c> or named arguments.</summary>
internal static class Samples
{
    public static DocumentDetails DocumentDetails(int year = 2025, DateOnly? issuedOn = null, bool toBeConfirmed = false) =>
        new(Number: "57-NQ/TW", Kind: DocumentKind.Resolution,
            TitleVi: "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
            TitleEn: "Resolution on breakthroughs in science, technology, innovation and digital transformation",
            Issuer: "Bộ Chính trị", UnitCode: "vietnam",
            IssuedOn: issuedOn ?? new DateOnly(year, 3, 1), Year: year,
            ImplementsCode: null, SourceFile: "nq57.pdf", ToBeConfirmed: toBeConfirmed);

    public static PolicyDocument Document(int year = 2025, string code = "nq57") => new(code, DocumentDetails(year));

    public static AdministrativeUnit Unit(string code = "laocai", string? successor = null, DateOnly? mergedOn = null) =>
        new(code, "Lào Cai", "Lao Cai", UnitLevel.Province, successor, mergedOn);

    public static IndicatorDetails IndicatorDetails(
        Measure measure = Measure.Percent, bool allowsOver100 = false, Direction direction = Direction.HigherIsBetter,
        string? formula = null, IndicatorAreas areas = IndicatorAreas.Cds) =>
        new(NameVi: "Tỷ trọng kinh tế số trong GRDP", NameEn: "Digital economy share of GRDP",
            Areas: areas, Measure: measure, Direction: direction, Decimals: 1, AllowsOver100: allowsOver100,
            DefinitionVi: null, DefinitionEn: null, Formula: formula);

    public static Indicator Indicator(Measure measure = Measure.Percent, bool allowsOver100 = false, string code = "digital-economy-grdp-share") =>
        new(code, IndicatorDetails(measure, allowsOver100));

    public static TargetTerms Terms(
        decimal? value = 30m, Comparator comparator = Comparator.AtLeast, int year = 2030, decimal? valueMax = null,
        TargetGrowth? growth = null, int? baselineYear = null, decimal? baselineValue = null, string? note = null) =>
        new(year, comparator, value, valueMax, growth, baselineYear, baselineValue, note);

    public static TargetSource Source(string? quote = "Kinh tế số đạt tối thiểu 30% GRDP") => new("nq57.pdf", quote);

    public static Target Target(TargetTerms? terms = null, Indicator? indicator = null, PolicyDocument? document = null, bool toBeConfirmed = false) =>
        KhcnTracker.Domain.Catalogue.Target.Create(
            document ?? Document(), Unit(), indicator ?? Indicator(), terms ?? Terms(), Source(), toBeConfirmed);

    public static TaskDetails TaskDetails(int startYear = 2025, int endYear = 2026, string leadAgency = "sokhcn") =>
        new(NameVi: "Xây dựng cơ sở dữ liệu khoa học và công nghệ", LeadAgencyCode: leadAgency,
            CoordinatingAgencyCodes: ["sotc", "sonv"], CoordinatingText: null, ProductVi: "Cơ sở dữ liệu",
            StartYear: startYear, EndYear: endYear, TimeframeText: "2025–2026", SourceFile: "kh.pdf", SourceQuote: null);
}
