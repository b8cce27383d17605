using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>The words of a reminder e-mail (Vietnamese, from the resources: implemented at the edge).</summary>
public interface IMailTexts
{
    /// <param name="link">The absolute link to the item in the portal.</param>
    /// <param name="portal">The portal's address, for the footer.</param>
    MailText Compose(Notification notification, string link, string portal);
}

public sealed record MailText(string Subject, string Text, string Html);

/// <summary>Where the portal is reached from outside (<c>Portal:PublicUrl</c>): the links of the e-mails.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

/// <summary>
/// Decides the caller's reminder e-mails: each due-soon, overdue, returned and approved notification of theirs whose
/// kind they did not switch off, that was not decided before, is written to the outbox in one transaction — its key
/// (recipient + kind + item + occurrence) unique in the database, so an occurrence is decided once however often the
/// job runs and on however many instances. The outbox is delivered by the scheduler's job (docs/decisions/0011).
/// </summary>
public sealed class QueueReminders(IAppDbContextFactory dbFactory, ListNotifications notifications, MailPreferences preferences,
    IMailTexts texts, Microsoft.Extensions.Options.IOptions<PortalOptions> portal, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The number of e-mails newly decided for the caller.</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var me = user.EnsureOwnAccount().Trim().ToLowerInvariant();
        var on = await preferences.GetAsync(ct);
        var due = (await notifications.ComputeAsync(ct)).Where(n => n.MailKind is { } kind && on[kind]).ToList();
        if (due.Count == 0) return 0;
        var keys = due.Select(n => n.Key).ToList();
        await using var db = await dbFactory.CreateAsync(ct);
        var decided = (await db.Outbox.AsNoTracking().Where(m => m.Recipient == me && keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var root = portal.Value.PublicUrl.TrimEnd('/');
        var at = clock.GetUtcNow();
        var fresh = due.Where(n => !decided.Contains(n.Key)).DistinctBy(n => n.Key).ToList();
        foreach (var n in fresh)
        {
            var text = texts.Compose(n, $"{root}/{n.Link}", root);
            db.Outbox.Add(new OutboxMail(me, n.MailKind!.Value, n.Key, text.Subject, text.Text, text.Html, at));
        }
        if (fresh.Count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance decided the same occurrence at the same moment: the unique key kept one; the next run
            // decides whatever else is still missing.
            return 0;
        }
        return fresh.Count;
    }
}
