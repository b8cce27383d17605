using System.IO.Compression;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>
/// The checks of an evidence file's content beyond its first bytes: the name's extension must be the kind the content
/// is (a PDF named <c>.html</c> would be served as a web page), and an OOXML package (DOCX, XLSX) may hold only the parts
/// such a document has — no macros (<c>vbaProject.bin</c>), no programs, nothing outside the OOXML part names.
/// </summary>
internal static class EvidenceInspection
{
    private static readonly Dictionary<string, string> KindOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = EvidenceKind.Pdf, [".png"] = EvidenceKind.Png, [".jpg"] = EvidenceKind.Jpeg, [".jpeg"] = EvidenceKind.Jpeg,
        [".docx"] = EvidenceKind.Docx, [".xlsx"] = EvidenceKind.Xlsx,
    };

    /// <summary>What a part of a document's package may be: XML, relationships, pictures, fonts, printer settings.</summary>
    private static readonly HashSet<string> PartExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".xml", ".rels", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".odttf", ".fntdata",
    };

    /// <summary>The refusal (code, text for the log; a person reads <c>Rule.{code}</c>), or null when the file is what its name says and holds nothing unexpected.</summary>
    public static (string Code, string Message)? Problem(string path, string fileName, string contentType)
    {
        if (!KindOfExtension.TryGetValue(Path.GetExtension(fileName), out var named) || named != contentType)
            return ("evidence.name-mismatch",
                $"The file name “{Path.GetFileName(fileName)}” does not match its content ({Label(contentType)}).");
        if (contentType is EvidenceKind.Docx or EvidenceKind.Xlsx && UnexpectedPart(path, contentType == EvidenceKind.Docx ? "word/" : "xl/") is { } part)
            return ("evidence.unexpected-part",
                $"The file holds a part no plain Office document has: “{part}”.");
        return null;
    }

    private static string? UnexpectedPart(string path, string main)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.EndsWith('/')) continue; // a folder entry
            var file = name[(name.LastIndexOf('/') + 1)..];
            var allowed = name == "[Content_Types].xml"
                          || name.StartsWith("_rels/", StringComparison.Ordinal) && name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                          || (name.StartsWith("docProps/", StringComparison.Ordinal) || name.StartsWith("customXml/", StringComparison.Ordinal))
                             && PartExtensions.Contains(Path.GetExtension(file))
                          || name.StartsWith(main, StringComparison.Ordinal)
                             && (PartExtensions.Contains(Path.GetExtension(file))
                                 || main == "xl/" && name.StartsWith("xl/printerSettings/", StringComparison.Ordinal) && file.EndsWith(".bin", StringComparison.OrdinalIgnoreCase));
            if (!allowed || name.Contains("..") || name.Contains('\\') || file.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                return name;
        }
        return null;
    }

    private static string Label(string contentType) => contentType switch
    {
        EvidenceKind.Pdf => "PDF", EvidenceKind.Png => "PNG", EvidenceKind.Jpeg => "JPEG", EvidenceKind.Docx => "DOCX", EvidenceKind.Xlsx => "XLSX",
        _ => contentType,
    };
}
