namespace KhcnTracker.Application.Catalogue;

/// <summary>
/// The words the data files and the API use for the model's enums (<c>ge</c>, <c>percent</c>, <c>khcn</c>…).
/// One table per enum, read both ways, so the files and the API can never disagree.
/// </summary>
public static class CatalogueWords
{
    public static readonly Words<UnitLevel> Level = new(new()
    {
        ["country"] = UnitLevel.Country, ["province"] = UnitLevel.Province,
    });

    public static readonly Words<DocumentKind> Kind = new(new()
    {
        ["resolution"] = DocumentKind.Resolution, ["action-programme"] = DocumentKind.ActionProgramme,
        ["plan"] = DocumentKind.Plan, ["decision"] = DocumentKind.Decision,
    });

    public static readonly Words<Measure> Measure = new(new()
    {
        ["percent"] = Domain.Catalogue.Measure.Percent, ["count"] = Domain.Catalogue.Measure.Count,
        ["rank"] = Domain.Catalogue.Measure.Rank, ["per-10000"] = Domain.Catalogue.Measure.Per10000,
        ["index"] = Domain.Catalogue.Measure.Index, ["money"] = Domain.Catalogue.Measure.Money,
        ["milestone"] = Domain.Catalogue.Measure.Milestone,
    });

    public static readonly Words<Direction> Direction = new(new()
    {
        ["higher"] = Domain.Catalogue.Direction.HigherIsBetter, ["lower"] = Domain.Catalogue.Direction.LowerIsBetter,
    });

    public static readonly Words<Comparator> Comparator = new(new()
    {
        ["ge"] = Domain.Catalogue.Comparator.AtLeast, ["gt"] = Domain.Catalogue.Comparator.MoreThan,
        ["le"] = Domain.Catalogue.Comparator.AtMost, ["lt"] = Domain.Catalogue.Comparator.LessThan,
        ["eq"] = Domain.Catalogue.Comparator.EqualTo, ["between"] = Domain.Catalogue.Comparator.Between,
        ["top"] = Domain.Catalogue.Comparator.RankWithinTop, ["milestone"] = Domain.Catalogue.Comparator.MilestoneReached,
    });

    public static readonly Words<GrowthMode> Growth = new(new()
    {
        ["percent-increase"] = GrowthMode.PercentIncrease, ["multiple"] = GrowthMode.Multiple,
    });

    public static readonly Words<PlanTaskStatus> TaskStatus = new(new()
    {
        ["not-started"] = PlanTaskStatus.NotStarted, ["in-progress"] = PlanTaskStatus.InProgress, ["done"] = PlanTaskStatus.Done,
    });

    public static readonly Words<Domain.Reporting.ValueStatus> ValueStatus = new(new()
    {
        ["draft"] = Domain.Reporting.ValueStatus.Draft, ["submitted"] = Domain.Reporting.ValueStatus.Submitted,
        ["approved"] = Domain.Reporting.ValueStatus.Approved, ["returned"] = Domain.Reporting.ValueStatus.Returned,
    });

    /// <summary>The kinds of event in a value's story (the audit trail's words).</summary>
    public static readonly Words<Reporting.ValueEventKind> ValueEvent = new(new()
    {
        ["entered"] = Reporting.ValueEventKind.Entered, ["changed"] = Reporting.ValueEventKind.Changed,
        ["evidence_added"] = Reporting.ValueEventKind.EvidenceAdded, ["evidence_removed"] = Reporting.ValueEventKind.EvidenceRemoved,
        ["submitted"] = Reporting.ValueEventKind.Submitted, ["returned"] = Reporting.ValueEventKind.Returned,
        ["approved"] = Reporting.ValueEventKind.Approved, ["revised"] = Reporting.ValueEventKind.Revised,
    });

    public static readonly Words<Domain.Reporting.ComputedProblem> ComputedProblem = new(new()
    {
        ["division_by_zero"] = Domain.Reporting.ComputedProblem.DivisionByZero, ["overflow"] = Domain.Reporting.ComputedProblem.Overflow,
        ["former_unit_missing"] = Domain.Reporting.ComputedProblem.FormerUnitMissing,
    });

    public static readonly Words<IndicatorAreas> Area = new(new()
    {
        ["khcn"] = IndicatorAreas.Khcn, ["dmst"] = IndicatorAreas.Dmst, ["cds"] = IndicatorAreas.Cds,
    });

    public static IndicatorAreas ParseAreas(IEnumerable<string> words) =>
        words.Aggregate(IndicatorAreas.None, (all, word) => all | Area.Parse(word));

    public static IReadOnlyList<string> FormatAreas(IndicatorAreas areas) =>
        Area.All.Where(a => areas.HasFlag(a.Value)).Select(a => a.Key).ToList();
}

public sealed class Words<T>(Dictionary<string, T> byWord) where T : struct, Enum
{
    private readonly Dictionary<T, string> _byValue = byWord.ToDictionary(p => p.Value, p => p.Key);

    public IReadOnlyDictionary<string, T> All => byWord;

    public T Parse(string word) => byWord.TryGetValue(word, out var value)
        ? value
        : throw new FormatException($"'{word}' is not one of: {string.Join(", ", byWord.Keys)}.");

    public bool TryParse(string? word, out T value) => byWord.TryGetValue(word ?? "", out value);

    public string Format(T value) => _byValue[value];
}
