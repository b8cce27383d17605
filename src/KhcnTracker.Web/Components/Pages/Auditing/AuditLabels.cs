using System.Globalization;
using KhcnTracker.Application.Auditing;

namespace KhcnTracker.Web.Components.Pages.Auditing;

/// <summary>The audit vocabulary's labels in the reader's language (the audit page).</summary>
public sealed class LocalizedAuditLabels(IStringLocalizer localizer) : IAuditLabels
{
    public string? Find(string key) => localizer[key] is { ResourceNotFound: false } text ? text.Value : null;
}

/// <summary>The audit vocabulary's labels in Vietnamese, whoever asks (exports are Vietnamese documents).</summary>
public sealed class VietnameseAuditLabels(IStringLocalizer<SharedResource> localizer) : IAuditLabels
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo(Hosting.Localization.Vietnamese);

    public string? Find(string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Vietnamese;
        try
        {
            return localizer[key] is { ResourceNotFound: false } text ? text.Value : null;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
