namespace KhcnTracker.Application.Exports;

/// <summary>Writes an export as XLSX (in the infrastructure, with the spreadsheet library).</summary>
public interface IXlsxExportWriter
{
    void Write(Stream output, ExportResult export);
}

/// <summary>The lines or sheet that say what an export is: what, which scope, by whom, when, as of when, its checksum.</summary>
public static class ExportHeader
{
    public static IReadOnlyList<(string Label, object? Value)> Lines(ExportInfo info) =>
    [
        ("Dữ liệu", info.TitleVi),
        ("Phạm vi", info.Scope),
        ("Người xuất", info.ExportedBy),
        ("Thời điểm xuất", Common.VietnamTime.Of(info.ExportedAt)),
        ("Số liệu tính đến thời điểm", Common.VietnamTime.Of(info.AsOf)),
        ("Số dòng", info.RowCount),
        ("Mã kiểm tra dữ liệu (SHA-256)", info.Checksum),
        ("Nguồn", "KhcnTracker — dựng lại từ nhật ký thay đổi tại thời điểm trên"),
    ];

    /// <summary>CSV: the header lines as label,value pairs, an empty line, then the table.</summary>
    public static byte[] Csv(ExportResult export) => CsvText.Write(
        export.Table.Columns.Select(c => c.Header).ToList(),
        export.Table.Rows.Select(r => (IReadOnlyList<object?>)r),
        Lines(export.Info).Select(l => (IReadOnlyList<object?>)[l.Label, l.Value]).Append([]).ToList());
}
