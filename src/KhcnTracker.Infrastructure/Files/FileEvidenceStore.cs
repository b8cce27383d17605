using System.IO.Compression;
using System.Security.Cryptography;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reporting;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>
/// Evidence files in a folder, named by their SHA-256 (<c>ab/abcdef…</c>): the same file is stored once, and a file
/// is written completely to a temporary name before it takes its real one, so a crash or a full disk leaves no half file.
/// </summary>
public sealed class FileEvidenceStore(string folder) : IEvidenceStore
{
    public async Task<StagedEvidence> StageAsync(Stream content, string fileName, long maxBytes, CancellationToken ct)
    {
        var incoming = Path.Combine(folder, "incoming");
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(incoming);
            var (sha256, size) = await CopyAsync(content, temporary, maxBytes, ct);
            var contentType = Recognise(temporary) ?? throw Refused("evidence.type-not-allowed",
                "Only PDF, DOCX, XLSX, PNG or JPEG content is accepted.");
            if (EvidenceInspection.Problem(temporary, fileName, contentType) is { } problem) throw Refused(problem.Code, problem.Message);
            return new Staged(new StoredFile(sha256, size, contentType), temporary);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            Delete(temporary);
            throw StorageFailed();
        }
        catch
        {
            Delete(temporary);
            throw;
        }
    }

    public bool Keep(StagedEvidence staged)
    {
        var file = (Staged)staged;
        var final = PathOf(file.File.Sha256);
        try
        {
            if (File.Exists(final)) return false;
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            // On the same file system a move is atomic: the file appears complete or not at all.
            File.Move(file.Temporary, final);
            return true;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            if (File.Exists(final)) return false; // the same bytes arrived at the same moment
            throw StorageFailed();
        }
    }

    public void Remove(string sha256) => Delete(PathOf(sha256));

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    private string PathOf(string sha256) => Path.Combine(folder, sha256[..2], sha256);

    private static async Task<(string Sha256, long Size)> CopyAsync(Stream content, string path, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > maxBytes)
                throw Refused("evidence.too-large", $"The evidence file is larger than {maxBytes / (1024 * 1024)} MB.");
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (size == 0) throw Refused("evidence.empty", "The evidence file is empty.");
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static string? Recognise(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using (var file = File.OpenRead(path)) head = head[..file.Read(head)];
        return EvidenceKind.FromHeader(head, () => OfficeKind(path));
    }

    private static string? OfficeKind(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("word/document.xml") is not null ? EvidenceKind.Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? EvidenceKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // looks like a ZIP, is not one
        }
    }

    private static void Delete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next clean-up of the incoming folder; the refusal the caller sees matters more.
        }
    }

    private static CommandRejectedException StorageFailed() =>
        Refused("evidence.storage-failed", "The evidence file could not be stored (storage full or not writable); nothing changed.");

    /// <summary>A checked upload under its temporary name; disposing removes it unless it was kept (moved away).</summary>
    private sealed class Staged(StoredFile file, string temporary) : StagedEvidence(file)
    {
        public string Temporary { get; } = temporary;

        public override void Dispose() => Delete(Temporary);
    }

    private static CommandRejectedException Refused(string code, string message) => new([new RuleViolation("file", code, message)]);
}
