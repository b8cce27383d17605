using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Reporting;

/// <summary>A file that backs a reported value, stored once by its SHA-256 and described here.</summary>
public sealed class Evidence
{
    public const int MaxFileNameLength = 255;

    public Guid Id { get; private set; }
    public int ValueId { get; private set; }
    public string FileName { get; private set; } = null!;
    public string ContentType { get; private set; } = null!;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = null!;
    public string UploadedBy { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    private Evidence() { }

    public Evidence(ReportedValue value, string fileName, string contentType, long size, string sha256, string by, DateTimeOffset at)
    {
        if (value.Status is ValueStatus.Submitted or ValueStatus.Approved)
            throw new DomainException("value.not-editable", "Evidence is added to a draft or a returned value.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > MaxFileNameLength)
            throw new DomainException("evidence.name-invalid", "The file needs a name of at most 255 characters.");
        (Id, ValueId, FileName, ContentType, Size, Sha256, UploadedBy, UploadedAt) =
            (Guid.NewGuid(), value.Id, name, contentType, size, sha256, by, at);
    }
}
