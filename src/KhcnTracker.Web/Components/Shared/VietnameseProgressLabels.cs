using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Progress;
using KhcnTracker.Web.Components.Pages.Auditing;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>A status's label from the resources in Vietnamese, whoever asks (exports and the periodic report are Vietnamese documents).</summary>
public sealed class VietnameseProgressLabels(IStringLocalizer<SharedResource> localizer) : IProgressLabels
{
    private readonly VietnameseAuditLabels _vietnamese = new(localizer);

    public string Of(ProgressStatus status) =>
        _vietnamese.Find(Labels.KeyOf(status)) ?? throw new InvalidOperationException($"No label for {Labels.KeyOf(status)}.");
}
