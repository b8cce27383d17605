namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// The evidence files the portal accepts, recognised by their first bytes — never by their name. DOCX and XLSX are ZIP
/// packages told apart by their main part, which the caller reads from the package.
/// </summary>
public static class EvidenceKind
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The kinds a browser shows in the page itself (PDF through pdf.js, images as images): the review's preview.</summary>
    public static bool IsPreviewable(string contentType) => contentType is Pdf or Png or Jpeg;

    /// <summary>The content type from the file's header, or null when it is none of the accepted kinds.</summary>
    public static string? FromHeader(ReadOnlySpan<byte> head, Func<string?> officePackageKind) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => Pdf,                           // %PDF-
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x50, 0x4B, 0x03, 0x04, ..] => officePackageKind(),                 // PK: a ZIP, perhaps DOCX or XLSX
        _ => null,
    };
}
