using System.IO.Compression;
using System.Xml;
using KhcnTracker.Application.Reporting.Import;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>
/// Checks an XLSX against the import limits before anything reads it for its data: the parts' declared sizes first,
/// then every part read through a counter (a ZIP can lie about sizes), the sheets' XML scanned for the number of rows
/// and the length of each text without ever holding a whole text in memory. A 100 MB cell packed into 100 KB is
/// refused after reading at most the limit, having kept a few kilobytes.
/// </summary>
internal static class XlsxBounds
{
    /// <summary>Why the file passes a limit, or null when it does not (or is no ZIP at all: the reader says so).</summary>
    public static ImportProblem? Check(Stream content, ImportLimits limits)
    {
        var start = content.Position;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            content.Position = start;
            return null; // not a ZIP: the reader refuses it as no Excel file
        }
        try
        {
            using var _ = zip;
            long declared = 0;
            foreach (var entry in zip.Entries) declared += entry.Length;
            if (declared > limits.MaxUnpackedBytes) return limits.TooBig();

            var budget = new Budget(limits.MaxUnpackedBytes);
            foreach (var entry in zip.Entries)
            {
                using var part = new CountingStream(entry.Open(), budget);
                var problem = IsSheetXml(entry.FullName) ? ScanXml(part, limits, countRows: entry.FullName.StartsWith("xl/worksheets/")) : Drain(part);
                if (problem is not null) return problem;
            }
            return null;
        }
        catch (BudgetExceededException)
        {
            return limits.TooBig();
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            return new ImportProblem(ImportCodes.NotXlsx); // a part that is not XML, or a package that lies about its parts
        }
        finally
        {
            content.Position = start;
        }
    }

    private static bool IsSheetXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) || name == "xl/sharedStrings.xml");

    private static ImportProblem? ScanXml(Stream part, ImportLimits limits, bool countRows)
    {
        using var xml = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        var chunk = new char[4096];
        var rows = 0;
        string? row = null;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row" && countRows)
            {
                row = xml.GetAttribute("r");
                if (++rows > limits.MaxRows + 1)
                    return limits.TooManyRows();
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                long length = 0;
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    if ((length += read) > limits.MaxCellChars) return limits.CellTooLong(countRows ? row : null);
            }
        }
        return null;
    }

    private static ImportProblem? Drain(Stream part)
    {
        var buffer = new byte[16384];
        while (part.Read(buffer, 0, buffer.Length) > 0) { }
        return null;
    }

    private sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;
    }

    private sealed class BudgetExceededException : Exception;

    /// <summary>Counts what a part unpacks to against the budget of the whole file.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            if ((budget.Left -= read) < 0) throw new BudgetExceededException();
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
