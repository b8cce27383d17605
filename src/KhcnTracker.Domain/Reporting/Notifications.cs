namespace KhcnTracker.Domain.Reporting;

/// <summary>The kinds of notification a person is also told by e-mail, each of which they may switch off.</summary>
public enum MailKind { DueSoon, Overdue, Returned, Approved }

/// <summary>
/// A notification a person has read: keyed by the notification's identity (kind + item + occurrence), so a read one
/// stays read and a new occurrence of the same item (a second return, a new due date) shows again.
/// </summary>
public sealed class NotificationRead
{
    public const int MaxAccountLength = 256;
    public const int MaxKeyLength = 200;

    public string Account { get; private set; } = null!;
    public string Key { get; private set; } = null!;
    public DateTimeOffset ReadAt { get; private set; }

    private NotificationRead() { }

    public NotificationRead(string account, string key, DateTimeOffset readAt)
    {
        if (string.IsNullOrWhiteSpace(account) || account.Length > MaxAccountLength) throw new ArgumentException("An account.", nameof(account));
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength) throw new ArgumentException("A notification key.", nameof(key));
        (Account, Key, ReadAt) = (account.Trim().ToLowerInvariant(), key, readAt);
    }
}

/// <summary>A kind of e-mail a person switched off (no row: the kind is on).</summary>
public sealed class MailOptOut
{
    public string Account { get; private set; } = null!;
    public MailKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }

    private MailOptOut() { }

    public MailOptOut(string account, MailKind kind, DateTimeOffset at) =>
        (Account, Kind, At) = (account.Trim().ToLowerInvariant(), kind, at);
}

/// <summary>
/// An e-mail decided and (once <see cref="SentAt"/> is set) delivered: one row per (recipient, key) — the key is the
/// notification's identity, kind + item + occurrence — unique in the database, written in the transaction that decides
/// to send, so nothing is decided twice; a row not yet sent is retried until it is.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxRecipientLength = NotificationRead.MaxAccountLength;
    public const int MaxKeyLength = NotificationRead.MaxKeyLength;
    public const int MaxSubjectLength = 400;
    public const int MaxBodyLength = 20_000;
    public const int MaxErrorLength = 1_000;
    /// <summary>After this many failed deliveries a mail is left for an operator (docs/operations.md).</summary>
    public const int MaxAttempts = 20;

    public long Id { get; private set; }
    public string Recipient { get; private set; } = null!;
    public MailKind Kind { get; private set; }
    public string Key { get; private set; } = null!;
    public string Subject { get; private set; } = null!;
    public string TextBody { get; private set; } = null!;
    public string HtmlBody { get; private set; } = null!;
    public DateTimeOffset DecidedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    private OutboxMail() { }

    public OutboxMail(string recipient, MailKind kind, string key, string subject, string textBody, string htmlBody, DateTimeOffset decidedAt)
    {
        if (string.IsNullOrWhiteSpace(recipient) || recipient.Length > MaxRecipientLength) throw new ArgumentException("A recipient.", nameof(recipient));
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength) throw new ArgumentException("A key.", nameof(key));
        Recipient = recipient.Trim().ToLowerInvariant();
        (Kind, Key, DecidedAt) = (kind, key, decidedAt);
        Subject = Cut(subject, MaxSubjectLength);
        TextBody = Cut(textBody, MaxBodyLength);
        HtmlBody = Cut(htmlBody, MaxBodyLength);
    }

    public void Sent(DateTimeOffset at) => (SentAt, Attempts, LastError) = (at, Attempts + 1, null);

    public void Failed(string error) => (Attempts, LastError) = (Attempts + 1, Cut(error, MaxErrorLength));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
