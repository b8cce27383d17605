using KhcnTracker.Application.Auditing;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Common;

/// <summary>
/// The words of the portal's documents — exports (CSV, XLSX) and the periodic report (DOCX, PDF) — from the resources,
/// always in Vietnamese whatever the reader's language (they are Vietnamese official papers): the same texts the screens
/// show for the same statuses, so a status reads the same on a page, in a spreadsheet and in the report. Application and
/// Infrastructure ask for keys; the words live only in <c>SharedResource.resx</c> (implemented in Web).
/// </summary>
public interface IDocumentWords : IAuditLabels
{
    /// <summary>
    /// The text of <paramref name="key"/>; with <paramref name="arguments"/>, its placeholders filled (vi-VN numbers and
    /// dates). Without, the text as it stands (placeholders kept). A key with no text is a fault of the build.
    /// </summary>
    string Text(string key, params object?[] arguments);

    /// <summary>A target's progress status's label.</summary>
    string Of(ProgressStatus status);

    /// <summary>A value's status's label.</summary>
    string Of(ValueStatus status);

    /// <summary>A task's status's label.</summary>
    string Of(PlanTaskStatus status);
}
