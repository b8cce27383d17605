using System.Globalization;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using KhcnTracker.Domain.Reporting;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// The one label service of the documents: every word from <c>SharedResource</c> in Vietnamese, whoever asks (exports,
/// the audit export and the periodic report are Vietnamese documents). Statuses by the same keys the pages use
/// (<see cref="Labels"/>).
/// </summary>
public sealed class VietnameseWords(IStringLocalizer<SharedResource> localizer) : IDocumentWords
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

    public string Text(string key, params object?[] arguments)
    {
        var text = Find(key) ?? throw new InvalidOperationException($"No text for {key}.");
        return arguments.Length == 0 ? text : string.Format(Vietnamese, text, arguments);
    }

    public string Of(ProgressStatus status) => Text(Labels.KeyOf(status));

    public string Of(ValueStatus status) => Text($"ValueStatus.{CatalogueWords.ValueStatus.Format(status)}");

    public string Of(PlanTaskStatus status) => Text($"TaskStatus.{CatalogueWords.TaskStatus.Format(status)}");
}
