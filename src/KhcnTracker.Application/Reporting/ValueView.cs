namespace KhcnTracker.Application.Reporting;

public sealed record ValueView(
    int Id, string Unit, string Indicator, string IndicatorNameVi, string Period, int Revision, decimal? Value, string? Source,
    string? Note, string Status, string? ReturnReason, string EnteredBy, DateTimeOffset EnteredAt, string? SubmittedBy,
    DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, uint Version);

/// <summary>The answer to a save: which row, at which version (for the next change).</summary>
public sealed record SavedValue(int Id, uint Version);
