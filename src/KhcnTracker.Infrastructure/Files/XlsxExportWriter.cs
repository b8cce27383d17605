using KhcnTracker.Application.Common;
using KhcnTracker.Application.Exports;
using MiniExcelLibs;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>
/// An export as XLSX: an information sheet (<c>Export.Sheet.Info</c>) saying what it is, then the data with numbers as numbers and times as
/// Excel dates (Vietnam time). Text that could start a formula gets an apostrophe, as in the CSV.
/// </summary>
public sealed class XlsxExportWriter(IDocumentWords words) : IXlsxExportWriter
{
    public void Write(Stream output, ExportResult export)
    {
        var (item, value) = (words.Text("Export.Sheet.Item"), words.Text("Export.Sheet.Value"));
        var info = export.Header.Select(l => new Dictionary<string, object?> { [item] = l.Label, [value] = Cell(l.Value) });
        var columns = export.Table.Columns;
        var data = export.Table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) cells[columns[i].Header] = Cell(row[i]);
            return cells;
        });
        var sheets = new Dictionary<string, object> { [words.Text("Export.Sheet.Info")] = info, [words.Text("Export.Sheet.Data")] = data };
        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    private static object? Cell(object? value) => value switch
    {
        string text => CsvText.Neutralise(text),
        DateTimeOffset t => VietnamTime.Of(t).DateTime,
        _ => value,
    };
}
