using KhcnTracker.Application.Common;

namespace KhcnTracker.Application.Exports;

/// <summary>Writes an export as XLSX (in the infrastructure, with the spreadsheet library).</summary>
public interface IXlsxExportWriter
{
    void Write(Stream output, ExportResult export);
}

/// <summary>The lines or sheet that say what an export is: what, which scope, by whom, when, as of when, its checksum.</summary>
public static class ExportHeader
{
    /// <summary>The lines, labelled in the document's words (<c>Export.Info.*</c>).</summary>
    public static IReadOnlyList<ExportHeaderLine> Lines(ExportInfo info, IDocumentWords words) =>
    [
        new(words.Text("Export.Info.Dataset"), info.TitleVi),
        new(words.Text("Export.Info.Scope"), info.Scope),
        new(words.Text("Export.Info.ExportedBy"), info.ExportedBy),
        new(words.Text("Export.Info.ExportedAt"), VietnamTime.Of(info.ExportedAt)),
        new(words.Text("Export.Info.AsOf"), VietnamTime.Of(info.AsOf)),
        new(words.Text("Export.Info.RowCount"), info.RowCount),
        new(words.Text("Export.Info.Checksum"), info.Checksum),
        new(words.Text("Export.Info.Source"), words.Text("Export.Info.SourceText")),
    ];

    /// <summary>CSV: the header lines as label,value pairs, an empty line, then the table.</summary>
    public static byte[] Csv(ExportResult export) => CsvText.Write(
        export.Table.Columns.Select(c => c.Header).ToList(),
        export.Table.Rows.Select(r => (IReadOnlyList<object?>)r),
        export.Header.Select(l => (IReadOnlyList<object?>)[l.Label, l.Value]).Append([]).ToList());
}
