using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Progress;

namespace KhcnTracker.Application.Dashboards;

/// <summary>A dashboard in a province's list.</summary>
public sealed record DashboardSummary(int Id, string Name, string Author, int CardCount, DateTimeOffset UpdatedAt, bool CanEdit);

/// <summary>
/// A dashboard as it is opened: its cards computed now from approved values (the same card as the overview's headline
/// cards), and whether the caller may change it.
/// </summary>
public sealed record DashboardView(int Id, UnitRef Unit, string Name, string Author, DateTimeOffset UpdatedAt, uint Version,
    IReadOnlyList<string> IndicatorCodes, IReadOnlyList<HeadlineCard> Cards, bool CanEdit);
