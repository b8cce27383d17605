namespace KhcnTracker.Domain.Reporting;

/// <summary>A file that backs a task progress report.</summary>
public sealed class TaskEvidence : EvidenceFile
{
    public int ReportId { get; private set; }

    private TaskEvidence() { }

    public TaskEvidence(TaskProgressReport report, string fileName, string contentType, long size, string sha256, string by, DateTimeOffset at)
    {
        report.EnsureEditable();
        Describe(fileName, contentType, size, sha256, by, at);
        ReportId = report.Id;
    }
}
