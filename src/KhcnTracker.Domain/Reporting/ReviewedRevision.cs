namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// What a reported value and a task progress report share: a revision that staff enter, submit and a reviewer approves
/// or returns, with who took each step and when, and everyone who wrote it (none of them reviews it). The rules for
/// each step (and their refusal codes) stay with the two owners; this class only records the step once checked.
/// </summary>
public abstract class ReviewedRevision
{
    public int Revision { get; protected set; }
    public ValueStatus Status { get; protected set; }
    public string? ReturnReason { get; private set; }
    public string EnteredBy { get; private set; } = null!;
    public DateTimeOffset EnteredAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    /// <summary>Everyone who entered, changed or submitted this revision: none of them approves or returns it.</summary>
    public List<string> Authors { get; private set; } = [];
    public uint Version { get; private set; }

    /// <summary>
    /// Whether a save carrying <paramref name="version"/> by <paramref name="by"/> would overwrite a change it has not seen.
    /// Without a version (API callers), the caller may only update their own draft or returned revision, or revise an
    /// approved one; with one, it must be this revision's.
    /// </summary>
    public bool IsOutdatedFor(uint? version, string by)
    {
        var unversionedOk = version is null && (Status == ValueStatus.Approved
            || (Status is ValueStatus.Draft or ValueStatus.Returned && string.Equals(EnteredBy, by, StringComparison.OrdinalIgnoreCase)));
        return !unversionedOk && Version != version;
    }

    protected void RecordEntry(string by, DateTimeOffset at)
    {
        (EnteredBy, EnteredAt) = (by, at);
        AddAuthor(by);
    }

    /// <summary>The last return reason stays, so the history shows why the revision was corrected.</summary>
    protected void RecordSubmission(string by, DateTimeOffset at)
    {
        (Status, SubmittedBy, SubmittedAt) = (ValueStatus.Submitted, by, at);
        AddAuthor(by);
    }

    protected void RecordApproval(string by, DateTimeOffset at) =>
        (Status, ReviewedBy, ReviewedAt) = (ValueStatus.Approved, by, at);

    protected void RecordReturn(string reason, string by, DateTimeOffset at) =>
        (Status, ReturnReason, ReviewedBy, ReviewedAt) = (ValueStatus.Returned, reason, by, at);

    protected static string Who(string by) =>
        string.IsNullOrWhiteSpace(by) ? throw new DomainException("value.author-missing", "Every step names who took it.") : by.Trim();

    private void AddAuthor(string by)
    {
        // A new list, so that EF Core sees the change and the audit trail records it.
        if (!Authors.Contains(by, StringComparer.OrdinalIgnoreCase)) Authors = [.. Authors, by];
    }
}
