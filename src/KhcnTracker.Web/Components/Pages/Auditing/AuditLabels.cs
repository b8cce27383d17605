using KhcnTracker.Application.Auditing;

namespace KhcnTracker.Web.Components.Pages.Auditing;

/// <summary>The audit vocabulary's labels in the reader's language (the audit page).</summary>
public sealed class LocalizedAuditLabels(IStringLocalizer localizer) : IAuditLabels
{
    public string? Find(string key) => localizer[key] is { ResourceNotFound: false } text ? text.Value : null;
}
