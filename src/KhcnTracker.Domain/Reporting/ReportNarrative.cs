namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// What the province's reviewer writes into the periodic report on Resolution 57 for one period: the general
/// assessment, the difficulties, the proposals. The figures come from the portal; these words come from people.
/// </summary>
public sealed class ReportNarrative
{
    public const int MaxTextLength = 20_000;

    public string UnitCode { get; private set; } = null!;
    public string PeriodCode { get; private set; } = null!;
    public string? Assessment { get; private set; }
    public string? Difficulties { get; private set; }
    public string? Proposals { get; private set; }
    public string UpdatedBy { get; private set; } = null!;
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private ReportNarrative() { }

    public ReportNarrative(string unitCode, string periodCode)
    {
        UnitCode = Slug.Require(unitCode, "unit");
        if (!ReportingPeriod.IsValidCode(periodCode))
            throw new DomainException("period.code-invalid", $"'{periodCode}' is not a period (write 2025 or 2025-H1).");
        PeriodCode = periodCode;
    }

    /// <summary>Rewritten while the period is open or closed; a locked period's report stays as it was signed off.</summary>
    public void Write(UnitPeriod period, string? assessment, string? difficulties, string? proposals, string by, DateTimeOffset at)
    {
        if (period.Code != PeriodCode || period.UnitCode != UnitCode) throw new DomainException("narrative.period-mismatch", "The period is not this report's.");
        period.EnsureReviewerCanWrite();
        if (string.IsNullOrWhiteSpace(by)) throw new DomainException("report.author-missing", "Every change names who made it.");
        if (new[] { assessment, difficulties, proposals }.Any(t => t?.Length > MaxTextLength))
            throw new DomainException("report.text-too-long", $"A section holds at most {MaxTextLength} characters.", MaxTextLength);
        (Assessment, Difficulties, Proposals) = (Clean(assessment), Clean(difficulties), Clean(proposals));
        (UpdatedBy, UpdatedAt) = (by.Trim(), at);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
