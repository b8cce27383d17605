namespace KhcnTracker.Domain.Catalogue;

/// <summary>
/// Who took a catalogue row out of use, when and why. Retiring keeps the row and its history; the reason is required,
/// so whoever finds the row later knows why it is no longer reported.
/// </summary>
public sealed record Retirement
{
    public const int MaxReasonLength = 500;

    public string By { get; }
    public DateTimeOffset At { get; }
    public string Reason { get; }

    public Retirement(string by, DateTimeOffset at, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("catalogue.retire-reason-missing", "A reason is required to retire a catalogue row.");
        if (reason.Trim().Length > MaxReasonLength) throw new DomainException("catalogue.retire-reason-too-long", "The reason is too long.");
        By = by;
        At = at;
        Reason = reason.Trim();
    }
}
