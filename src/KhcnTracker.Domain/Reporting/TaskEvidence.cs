using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Reporting;

/// <summary>A file that backs a task progress report, stored once by its SHA-256 like a value's evidence.</summary>
public sealed class TaskEvidence
{
    public Guid Id { get; private set; }
    public int ReportId { get; private set; }
    public string FileName { get; private set; } = null!;
    public string ContentType { get; private set; } = null!;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = null!;
    public string UploadedBy { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    private TaskEvidence() { }

    public TaskEvidence(TaskProgressReport report, string fileName, string contentType, long size, string sha256, string by, DateTimeOffset at)
    {
        report.EnsureEditable();
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > Evidence.MaxFileNameLength)
            throw new DomainException("evidence.name-invalid", "The file needs a name of at most 255 characters.");
        (Id, ReportId, FileName, ContentType, Size, Sha256, UploadedBy, UploadedAt) =
            (Guid.NewGuid(), report.Id, name, contentType, size, sha256, by, at);
    }
}
