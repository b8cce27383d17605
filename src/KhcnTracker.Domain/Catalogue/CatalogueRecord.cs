namespace KhcnTracker.Domain.Catalogue;

/// <summary>
/// What every row of the catalogue (document, target, indicator, task) shares: it can be retired and restored, and
/// once a person has changed it, the shipped catalogue no longer overwrites it at start-up.
/// </summary>
public abstract class CatalogueRecord
{
    /// <summary>The catalogue file a document, target or task was read from.</summary>
    public const int MaxSourceFileLength = 200;

    public bool IsRetired { get; private set; }
    public string? RetiredBy { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public string? RetiredReason { get; private set; }
    public bool EditedByUser { get; private set; }

    public void Retire(Retirement retirement)
    {
        IsRetired = true;
        (RetiredBy, RetiredAt, RetiredReason) = (retirement.By, retirement.At, retirement.Reason);
        EditedByUser = true;
    }

    /// <summary>Back in use; the audit trail keeps who retired it and why.</summary>
    public void Restore()
    {
        IsRetired = false;
        (RetiredBy, RetiredAt, RetiredReason) = (null, null, null);
        EditedByUser = true;
    }

    /// <summary>A person's edit: from now on the shipped catalogue leaves this row as they left it.</summary>
    protected void MarkEdited() => EditedByUser = true;
}
