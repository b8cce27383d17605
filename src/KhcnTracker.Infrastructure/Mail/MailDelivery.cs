using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KhcnTracker.Infrastructure.Mail;

/// <summary>
/// SMTP settings (<c>Smtp:</c>). With no <see cref="Host"/> (the embedded default) nothing is sent: each e-mail is
/// written as an <c>.eml</c> file to <c>&lt;data&gt;/mail/</c>, for a newcomer to open.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "khcn-tracker@localhost";
    /// <summary>TLS on connect (port 465) or STARTTLS when the server offers it; false sends in the clear (a local relay).</summary>
    public bool UseTls { get; set; }
}

/// <summary>Sends one message: through SMTP with MailKit, or to the pickup folder when no server is configured.</summary>
public sealed class MailTransport(IOptions<SmtpOptions> options, string pickupFolder)
{
    public string PickupFolder { get; } = pickupFolder;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(PickupFolder);
            var name = Path.Combine(PickupFolder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(name, ct);
            return;
        }
        using var client = new SmtpClient();
        var security = smtp.UseTls ? (smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls) : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    public MailboxAddress Sender => MailboxAddress.Parse(options.Value.From);
}

/// <summary>
/// Delivers the outbox, one row per transaction: the oldest row not yet sent is claimed with <c>FOR UPDATE SKIP
/// LOCKED</c>, sent, marked sent and committed — two instances never deliver the same row, and a crash before the
/// commit leaves it to be retried. Each message carries a Message-ID made from its row, so the rare retry after a crash
/// between the SMTP server's acceptance and the commit is recognisable as the same message. Its context has no retry
/// strategy: a transaction that sent an e-mail is never replayed.
/// </summary>
public sealed class OutboxDelivery(DbContextOptions<AppDbContext> options, MailTransport transport, TimeProvider clock, ILogger<OutboxDelivery> log)
{
    /// <summary>At most this many per run; the rest wait for the next.</summary>
    public const int MaxPerRun = 500;

    /// <summary>Delivers what is waiting; the number delivered.</summary>
    public async Task<int> DeliverAsync(CancellationToken ct = default)
    {
        var delivered = 0;
        for (var i = 0; i < MaxPerRun && !ct.IsCancellationRequested; i++)
        {
            await using var db = new AppDbContext(options);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = (await db.Outbox.FromSqlInterpolated($"""
                SELECT * FROM mail_outbox WHERE "SentAt" IS NULL AND "Attempts" < {OutboxMail.MaxAttempts}
                ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)).SingleOrDefault();
            if (row is null) break;
            var sent = false;
            try
            {
                await transport.SendAsync(Message(row), ct);
                row.Sent(clock.GetUtcNow());
                sent = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Mail {Id} to {Recipient} not delivered (attempt {Attempt})", row.Id, row.Recipient, row.Attempts + 1);
                row.Failed(e.Message);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // A server that refuses is tried again at the next run, not in a tight loop.
            if (!sent) break;
            delivered++;
        }
        return delivered;
    }

    private MimeMessage Message(OutboxMail row)
    {
        var message = new MimeMessage();
        message.From.Add(transport.Sender);
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        message.Subject = row.Subject;
        message.MessageId = $"outbox-{row.Id}@{transport.Sender.Domain}";
        message.Date = clock.GetUtcNow();
        message.Headers.Add("X-Khcn-Notification", row.Key);
        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        return message;
    }
}
