using KhcnTracker.Application.Catalogue;

namespace KhcnTracker.Application.Progress;

// What the progress queries answer: flat, serialisable, with every figure a status came from.

/// <summary>One approved value in a series: its period, where it sits in time, and the unit that reported it.</summary>
public sealed record SeriesPoint(string Period, decimal Year, decimal Value, string UnitCode);

/// <summary>
/// A target's status and the inputs it came from. <see cref="Status"/> is one of <c>achieved</c>, <c>on_track</c>,
/// <c>needs_acceleration</c>, <c>off_track</c>, <c>regressing</c>, <c>no_data</c>, <c>not_achieved</c>; the growths are
/// compound annual rates (0.05 = 5 % a year) and <see cref="Ratio"/> is R = d · current / |required|.
/// </summary>
public sealed record TargetProgress(
    int TargetId, UnitRef Unit, TargetIndicatorRef Indicator, string DocumentCode, int TargetYear, string Comparator,
    decimal? Value, decimal? ValueMax, GrowthView? Growth, int? BaselineYear, decimal? BaselineValue,
    string Status, string Rule, decimal? BaseYear, decimal? BaseValue, string? LatestPeriod, decimal? LatestValue,
    decimal? AimedValue, double? CurrentGrowth, double? RequiredGrowth, double? Ratio);

/// <summary>How many targets of an area have each status.</summary>
public sealed record AreaStatusCount(string Area, IReadOnlyDictionary<string, int> ByStatus)
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

public sealed record OverdueTask(int Id, int Number, string NameVi, string LeadAgencyNameVi, int EndYear, string Status);

public sealed record ProvinceOverview(
    UnitRef Unit, int CurrentYear, IReadOnlyList<AreaStatusCount> Areas, IReadOnlyList<HeadlineCard> Headlines,
    IReadOnlyList<AgencyTaskCompletion> Tasks, IReadOnlyList<OverdueTask> OverdueTasks, IReadOnlyList<TargetProgress> Targets);

/// <summary>One value of the indicator page with where it came from.</summary>
public sealed record ProvenancePoint(
    string Period, decimal Year, decimal Value, UnitRef ReportedFor, int Revision, string? Source, string EnteredBy,
    string? SubmittedBy, string? ReviewedBy, DateTimeOffset? ReviewedAt, IReadOnlyList<EvidenceRef> Evidence);

public sealed record EvidenceRef(Guid Id, string FileName);

public sealed record IndicatorProgress(
    UnitRef Unit, TargetIndicatorRef Indicator, IReadOnlyList<ProvenancePoint> Values, IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<UnitChange> UnitChanges);

/// <summary>Where a series moves from a former unit to the one that absorbed it (Vĩnh Phúc → Phú Thọ on 1 July 2025).</summary>
public sealed record UnitChange(UnitRef From, UnitRef To, DateOnly On, decimal Year);

/// <summary>One province's series of an indicator and its targets for it, following its lineage.</summary>
public sealed record ProvinceSeries(UnitRef Unit, IReadOnlyList<UnitRef> FormerUnits, IReadOnlyList<SeriesPoint> Values,
    IReadOnlyList<TargetProgress> Targets, IReadOnlyList<UnitChange> UnitChanges);

public sealed record IndicatorComparison(TargetIndicatorRef Indicator, IReadOnlyList<ProvinceSeries> Provinces, IReadOnlyList<TargetProgress> NationalTargets);

/// <summary>A heatmap cell: a province's headline target for one indicator (null when it has none).</summary>
public sealed record HeatmapCell(string IndicatorCode, TargetProgress? Target);

public sealed record HeatmapRow(UnitRef Unit, IReadOnlyList<HeatmapCell> Cells);

/// <summary>A national target beside the provinces' targets and latest values for the same indicator.</summary>
public sealed record NationalTargetRow(TargetProgress National, IReadOnlyList<TargetProgress> Provinces);

public sealed record NationalView(
    IReadOnlyList<TargetIndicatorRef> Headlines, IReadOnlyList<HeatmapRow> Heatmap, IReadOnlyList<NationalTargetRow> NationalTargets);
