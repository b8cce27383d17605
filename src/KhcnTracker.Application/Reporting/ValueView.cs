using KhcnTracker.Application.Progress;

namespace KhcnTracker.Application.Reporting;

/// <summary>
/// A value as the pages and the API show it. A computed one (<see cref="Computed"/>) has no row of its own: id,
/// revision and version are 0, it counts as approved, <see cref="EnteredAt"/> is when the last of its inputs was
/// approved, and <see cref="Computation"/> names the input revisions — or, with no value, the problem.
/// </summary>
public sealed record ValueView(
    int Id, string Unit, string Indicator, string IndicatorNameVi, string Period, int Revision, decimal? Value, string? Source,
    string? Note, ValueStatus Status, string? ReturnReason, string EnteredBy, DateTimeOffset EnteredAt, string? SubmittedBy,
    DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, uint Version,
    bool Computed = false, ComputationView? Computation = null)
{
    /// <summary>Marked by staff for the reviewer's attention.</summary>
    public bool FollowUp { get; init; }

    /// <summary>A reached milestone's date reached, when given.</summary>
    public DateOnly? ReachedOn { get; init; }

    /// <summary>Still to report (<see cref="ValueStatusRules.IsStillToReport"/>).</summary>
    public static bool IsStillToReport(ValueView? latest) => ValueStatusRules.IsStillToReport(latest?.Status);
}

/// <summary>The answer to a save: which row, at which version (for the next change).</summary>
public sealed record SavedValue(int Id, uint Version);
