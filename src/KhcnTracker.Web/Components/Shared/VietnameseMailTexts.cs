using System.Globalization;
using System.Net;
using KhcnTracker.Application.Reporting;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>The reminder e-mails' words, in Vietnamese from the resources: the same sentence as the notification in the portal, a link, a footer.</summary>
public sealed class VietnameseMailTexts(IStringLocalizer<SharedResource> L) : IMailTexts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");

    public MailText Compose(Notification n, string link, string portal)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Vietnamese, Vietnamese);
        try
        {
            var due = TargetText.Date(n.DueOn);
            var subject = n.Kind switch
            {
                NotificationKind.DueSoon => string.Format(L["Mail.Subject.DueSoon"], n.Count, n.Period, due),
                NotificationKind.Overdue => string.Format(L["Mail.Subject.Overdue"], n.Count, n.Period, due),
                NotificationKind.Returned => string.Format(L["Mail.Subject.Returned"], n.IndicatorNameVi, n.Period),
                NotificationKind.TaskReturned => string.Format(L["Mail.Subject.TaskReturned"], n.Indicator),
                NotificationKind.Approved => string.Format(L["Mail.Subject.Approved"], n.IndicatorNameVi, n.Period),
                _ => L["Notifications.Title"].Value,
            };
            var line = NotificationText.Of(n, L);
            var greeting = L["Mail.Greeting"].Value;
            var open = L["Mail.OpenLink"].Value;
            var footer = string.Format(L["Mail.Footer"], portal);
            var text = $"{greeting}\n\n{line}\n\n{open}: {link}\n\n-- \n{footer}\n";
            var html = $"""
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8"><title>{Enc(subject)}</title></head>
                <body style="font-family:Arial,sans-serif;font-size:15px;color:#1a1a1a">
                <p>{Enc(greeting)}</p>
                <p>{Enc(line)}</p>
                <p><a href="{Enc(link)}">{Enc(open)}</a></p>
                <hr><p style="font-size:12px;color:#555">{Enc(footer)}</p>
                </body></html>
                """;
            return new MailText(subject, text, html);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>A notification's sentence, the same in the menu and the e-mail.</summary>
public static class NotificationText
{
    public static string Of(Notification n, IStringLocalizer L)
    {
        var name = TargetText.IsEnglish ? n.IndicatorNameEn ?? n.IndicatorNameVi : n.IndicatorNameVi;
        return n.Kind switch
        {
            NotificationKind.Returned => string.Format(L["Notifications.Returned"], name, n.Period, n.Reason),
            NotificationKind.Overdue => string.Format(L["Notifications.Overdue"], n.Count, n.Period, TargetText.Date(n.DueOn)),
            NotificationKind.DueSoon => string.Format(L["Notifications.DueSoon"], n.Count, n.Period, TargetText.Date(n.DueOn)),
            NotificationKind.Approved => string.Format(L["Notifications.Approved"], name, n.Period),
            NotificationKind.TaskReturned => string.Format(L["Notifications.TaskReturned"], n.Indicator, n.IndicatorNameVi, n.Reason),
            NotificationKind.TaskAwaitingReview => string.Format(L["Notifications.TaskAwaitingReview"], n.Count),
            _ => string.Format(L["Notifications.AwaitingReview"], n.Count),
        };
    }
}
