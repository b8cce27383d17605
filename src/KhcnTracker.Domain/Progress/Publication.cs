using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Progress;

/// <summary>
/// A province chose to publish an indicator on its open progress pages: from then on anyone, signed in or not, sees the
/// indicator's approved values and targets' statuses there (never a draft or a submitted value). Withdrawing it deletes
/// the row; the audit trail keeps when it was public.
/// </summary>
public sealed class Publication
{
    public string UnitCode { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = null!;
    public string PublishedBy { get; private set; } = null!;
    public DateTimeOffset PublishedAt { get; private set; }

    private Publication() { }

    public Publication(string unitCode, string indicatorCode, string by, DateTimeOffset at)
    {
        UnitCode = Slug.Require(unitCode, "unit");
        IndicatorCode = Slug.Require(indicatorCode, "indicator");
        PublishedBy = TextLimits.Required(by, "publication.author-missing", Accounts.MaxNameLength);
        PublishedAt = at;
    }
}
