namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// A file stored once by its SHA-256 and described here: what a value's evidence and a task report's evidence share.
/// They differ only in what they back (and who says whether it may still take a file).
/// </summary>
public abstract class EvidenceFile
{
    public const int MaxFileNameLength = 255;

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = null!;
    public string ContentType { get; private set; } = null!;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = null!;
    public string UploadedBy { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Describes the file (after the owner has checked it may take one): the name without its folder, trimmed.</summary>
    protected void Describe(string fileName, string contentType, long size, string sha256, string by, DateTimeOffset at)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > MaxFileNameLength)
            throw new DomainException("evidence.name-invalid", "The file needs a name of at most 255 characters.");
        (Id, FileName, ContentType, Size, Sha256, UploadedBy, UploadedAt) = (Guid.NewGuid(), name, contentType, size, sha256, by, at);
    }
}
