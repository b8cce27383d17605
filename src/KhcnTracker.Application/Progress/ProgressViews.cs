using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Application.Progress;

// What the progress queries answer: flat, serialisable, with every figure a status came from.

/// <summary>
/// One approved value in a series: its period, where it sits in time, and the unit that reported it; a computed one is
/// marked, and one combined from the provinces a successor absorbed names them (codes).
/// </summary>
public sealed record SeriesPoint(string Period, decimal Year, decimal Value, string UnitCode, bool Computed = false,
    IReadOnlyList<string>? CombinedFrom = null);

/// <summary>
/// A target's status and the inputs it came from. <see cref="Status"/> is the domain's <see cref="ProgressStatus"/> (the
/// API writes its word: <c>achieved</c>, <c>on_track</c>… — see <see cref="ProgressWords.Status"/>); <c>NotEnoughData</c> is
/// one point in time, <c>NotComputable</c> a base of 0 or negative values (<see cref="Rule"/> says which); the growths are
/// compound annual rates (0.05 = 5 % a year) and <see cref="Ratio"/> is R = d · current / |required|.
/// </summary>
public sealed record TargetProgress(
    int TargetId, UnitRef Unit, TargetIndicatorRef Indicator, string DocumentCode, int TargetYear, Comparator Comparator,
    decimal? Value, decimal? ValueMax, GrowthView? Growth, int? BaselineYear, decimal? BaselineValue,
    ProgressStatus Status, string Rule, decimal? BaseYear, decimal? BaseValue, string? LatestPeriod, decimal? LatestValue,
    decimal? AimedValue, double? CurrentGrowth, double? RequiredGrowth, double? Ratio);

/// <summary>How many targets of an area have each status.</summary>
public sealed record AreaStatusCount(string Area, IReadOnlyDictionary<ProgressStatus, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();
}

/// <summary>A headline indicator's card: the target that matters now, its latest value and status, and the series for a sparkline.</summary>
public sealed record HeadlineCard(TargetIndicatorRef Indicator, TargetProgress? Target, IReadOnlyList<SeriesPoint> Series);

/// <summary>Task completion of one lead agency.</summary>
public sealed record AgencyTaskCompletion(string AgencyCode, string AgencyNameVi, string AgencyNameEn, int Done, int InProgress, int NotStarted, int Overdue)
{
    public int Total => Done + InProgress + NotStarted;
}

public sealed record OverdueTask(int Id, int Number, string NameVi, string LeadAgencyNameVi, int EndYear, PlanTaskStatus Status)
{
    /// <summary>The lead agency's English name, for a reader who chose English.</summary>
    public string LeadAgencyNameEn { get; init; } = LeadAgencyNameVi;
}

public sealed record ProvinceOverview(
    UnitRef Unit, int CurrentYear, IReadOnlyList<AreaStatusCount> Areas, IReadOnlyList<HeadlineCard> Headlines,
    IReadOnlyList<AgencyTaskCompletion> Tasks, IReadOnlyList<OverdueTask> OverdueTasks, IReadOnlyList<TargetProgress> Targets);

/// <summary>
/// One value of the indicator page with where it came from: who reported and approved it, or — for a computed value —
/// the approved inputs it was worked out from (<see cref="ReviewedAt"/> is then when the last of them was approved).
/// </summary>
public sealed record ProvenancePoint(
    string Period, decimal Year, decimal Value, UnitRef ReportedFor, int Revision, string? Source, string EnteredBy,
    string? SubmittedBy, string? ReviewedBy, DateTimeOffset? ReviewedAt, IReadOnlyList<EvidenceRef> Evidence,
    ComputationView? Computation = null);

/// <summary>
/// How a computed value was worked out, or why it could not be: the formula, the approved inputs (each province's,
/// for a figure combined from the provinces a successor absorbed), and the provinces that had not reported.
/// <see cref="Problem"/> is <c>division_by_zero</c>, <c>overflow</c> or <c>former_unit_missing</c> when there is no value.
/// </summary>
public sealed record ComputationView(
    string? Formula, IReadOnlyList<ComputationInput> Inputs, IReadOnlyList<UnitRef> CombinedFrom, string? Problem, IReadOnlyList<UnitRef> MissingUnits);

public sealed record ComputationInput(string IndicatorCode, string IndicatorNameVi, string IndicatorNameEn, UnitRef Unit, string Period, int Revision, decimal Value);

/// <summary>A period where a computed value could not be worked out, and why.</summary>
public sealed record ComputationGap(string Period, decimal Year, ComputationView Computation);

public sealed record EvidenceRef(Guid Id, string FileName);

public sealed record IndicatorProgress(
    UnitRef Unit, TargetIndicatorRef Indicator, IReadOnlyList<ProvenancePoint> Values, IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<UnitChange> UnitChanges, IReadOnlyList<ComputationGap> Gaps);

/// <summary>Where a series moves from a former unit to the one that absorbed it (Vĩnh Phúc → Phú Thọ on 1 July 2025).</summary>
public sealed record UnitChange(UnitRef From, UnitRef To, DateOnly On, decimal Year);

/// <summary>One province's series of an indicator and its targets for it, following its lineage.</summary>
public sealed record ProvinceSeries(UnitRef Unit, IReadOnlyList<UnitRef> FormerUnits, IReadOnlyList<SeriesPoint> Values,
    IReadOnlyList<TargetProgress> Targets, IReadOnlyList<UnitChange> UnitChanges);

public sealed record IndicatorComparison(TargetIndicatorRef Indicator, IReadOnlyList<ProvinceSeries> Provinces, IReadOnlyList<TargetProgress> NationalTargets);

/// <summary>A heatmap cell: a province's headline target for one indicator (null when it has none).</summary>
public sealed record HeatmapCell(string IndicatorCode, TargetProgress? Target);

public sealed record HeatmapRow(UnitRef Unit, IReadOnlyList<HeatmapCell> Cells)
{
    /// <summary>The province in one status (its headline target furthest behind), for the tile map; null without targets.</summary>
    public ProgressStatus? Standing => ProvinceStanding.Of(Cells.Where(c => c.Target is not null).Select(c => c.Target!.Status));
}

/// <summary>A national target beside the provinces' targets and latest values for the same indicator.</summary>
public sealed record NationalTargetRow(TargetProgress National, IReadOnlyList<TargetProgress> Provinces);

public sealed record NationalView(
    IReadOnlyList<TargetIndicatorRef> Headlines, IReadOnlyList<HeatmapRow> Heatmap, IReadOnlyList<NationalTargetRow> NationalTargets);
