using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Application.Progress;

/// <summary>
/// A status's label from the resources, in Vietnamese (exports and the periodic report are Vietnamese documents): the
/// same text the screens show, so a status reads the same on a page, in a spreadsheet and in the DOCX.
/// </summary>
public interface IProgressLabels
{
    string Of(ProgressStatus status);
}
