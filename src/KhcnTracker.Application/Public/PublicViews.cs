using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Application.Public;

// What the open progress pages show: approved figures of published indicators only, and no person's name.

/// <summary>An indicator of the province, whether its open pages publish it, and whether it has targets there.</summary>
public sealed record PublicationRow(TargetIndicatorRef Indicator, bool Published, bool HasTargets);

public sealed record PublicTaskSummary(int Done, int InProgress, int NotStarted, int Overdue)
{
    public int Total => Done + InProgress + NotStarted;
}

/// <summary>A province's open page: statuses per area and a card per published indicator, and its tasks in numbers.</summary>
public sealed record PublicProvince(UnitRef Unit, int Year, IReadOnlyList<AreaStatusCount> Areas, IReadOnlyList<HeadlineCard> Cards,
    PublicTaskSummary Tasks);

/// <summary>An approved value as the public sees it: when it was approved, never who entered or approved it.</summary>
public sealed record PublicValue(string Period, decimal Year, decimal Value, UnitRef ReportedFor, DateTimeOffset? ApprovedAt, bool Computed);

/// <summary>Where a target comes from: the document and the words it is quoted from.</summary>
public sealed record PublicSource(int TargetYear, string DocumentCode, string? Number, string TitleVi, string TitleEn, string? Quote);

public sealed record PublicIndicator(UnitRef Unit, TargetIndicatorRef Indicator, string? DefinitionVi, string? DefinitionEn, string? Formula,
    IReadOnlyList<PublicValue> Values, IReadOnlyList<TargetProgress> Targets, IReadOnlyList<PublicSource> Sources);

/// <summary>The national open page: every province of today with what it published (its cards as the tile map's cells).</summary>
public sealed record PublicNational(int Year, IReadOnlyList<HeatmapRow> Provinces);

/// <summary>One observation of the open dataset (an approved value of a published indicator).</summary>
public sealed record OpenObservation(string Area, string AreaNameVi, string AreaNameEn, string Indicator, string IndicatorNameVi,
    string IndicatorNameEn, Measure Measure, string Period, decimal Value, DateTimeOffset? ApprovedAt);
