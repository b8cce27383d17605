using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// An enum's label, from the resources only (<c>ValueStatus.submitted</c>, <c>TaskStatus.in-progress</c>…): the key is
/// the enum's word, so pages never write a status's name themselves.
/// </summary>
public static class Labels
{
    /// <summary>A value's status, or "not entered" for none.</summary>
    public static string Label(this IStringLocalizer L, ValueStatus? status) =>
        L[status is { } s ? $"ValueStatus.{CatalogueWords.ValueStatus.Format(s)}" : "ValueStatus.none"];

    public static string Label(this IStringLocalizer L, PlanTaskStatus status) => L[$"TaskStatus.{CatalogueWords.TaskStatus.Format(status)}"];

    public static string Label(this IStringLocalizer L, Measure measure) => L[$"MeasureName.{CatalogueWords.Measure.Format(measure)}"];

    public static string Label(this IStringLocalizer L, Direction direction) => L[$"Direction.{CatalogueWords.Direction.Format(direction)}"];

    public static string Label(this IStringLocalizer L, Application.Reporting.ValueEventKind kind) => L[$"ValueStory.{CatalogueWords.ValueEvent.Format(kind)}"];

    public static string Label(this IStringLocalizer L, ProgressStatus status) => L[KeyOf(status)];

    /// <summary>The status in a word or two where space is short (a tile of the map): the short form where one is written.</summary>
    public static string ShortLabel(this IStringLocalizer L, ProgressStatus status) =>
        L[$"Progress.Short.{ProgressWords.Status.Format(status)}"] is { ResourceNotFound: false } shortForm ? shortForm : L.Label(status);

    /// <summary>A target status's resource key (<c>Progress.on_track</c>), for the labels that exports ask for in Vietnamese.</summary>
    public static string KeyOf(ProgressStatus status) => $"Progress.{ProgressWords.Status.Format(status)}";

    /// <summary>The overdue mark that stands beside (or for) a task's status.</summary>
    public static string OverdueLabel(this IStringLocalizer L) => L[$"TaskStatus.{ListTasks.Overdue}"];
}
