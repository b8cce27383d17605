using KhcnTracker.Application.Common;
using KhcnTracker.Application.Exports;
using MiniExcelLibs;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>
/// An export as XLSX: a "Thông tin" sheet saying what it is, then the data with numbers as numbers and times as
/// Excel dates (Vietnam time). Text that could start a formula gets an apostrophe, as in the CSV.
/// </summary>
public sealed class XlsxExportWriter : IXlsxExportWriter
{
    public const string InfoSheet = "Thông tin", DataSheet = "Dữ liệu";

    public void Write(Stream output, ExportResult export)
    {
        var info = ExportHeader.Lines(export.Info).Select(l => new Dictionary<string, object?> { ["Mục"] = l.Label, ["Giá trị"] = Cell(l.Value) });
        var columns = export.Table.Columns;
        var data = export.Table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) cells[columns[i].Header] = Cell(row[i]);
            return cells;
        });
        var sheets = new Dictionary<string, object> { [InfoSheet] = info, [DataSheet] = data };
        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    private static object? Cell(object? value) => value switch
    {
        string text => CsvText.Neutralise(text),
        DateTimeOffset t => VietnamTime.Of(t).DateTime,
        _ => value,
    };
}
