using System.Text;
using KhcnTracker.Application.Reporting.Import;
using MiniExcelLibs;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>The values template as XLSX (MiniExcel, streaming) and CSV (UTF-8 with or without BOM, or Windows-1258).</summary>
public sealed class ValueFiles : IValueFiles
{
    static ValueFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ValueFileContent Read(Stream content, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(content),
            ".csv" => ReadCsv(content),
            _ => Refuse(fileName, "Chỉ nhận tệp .xlsx hoặc .csv tải từ mẫu của cổng."),
        };

    public void WriteTemplate(Stream destination, IReadOnlyList<ValueFileRow> rows, IReadOnlyDictionary<string, string> indicatorNames)
    {
        var data = rows.Select(r => new Dictionary<string, object?>
        {
            [ValueFileColumns.Unit] = r.Unit,
            [ValueFileColumns.Indicator] = r.Indicator,
            [ValueFileColumns.IndicatorName] = r.Indicator is null ? null : indicatorNames.GetValueOrDefault(r.Indicator),
            [ValueFileColumns.Period] = r.Period,
            [ValueFileColumns.Value] = r.Value,
            [ValueFileColumns.Source] = r.Source,
            [ValueFileColumns.Note] = r.Note,
        }).ToList();
        var guide = new[]
        {
            new Dictionary<string, object?> { ["A"] = ValueFileColumns.Marker },
            new Dictionary<string, object?> { ["A"] = "Điền cột “Giá trị” (dùng dấu phẩy thập phân hoặc ô kiểu số), “Nguồn số liệu” và “Ghi chú”; không đổi các cột mã." },
            new Dictionary<string, object?> { ["A"] = "Dòng để trống “Giá trị” được bỏ qua; dòng giữ nguyên số liệu đã có không tạo bản nháp mới. Cả tệp được ghi một lần: nếu có dòng sai, không dòng nào được ghi và cổng liệt kê từng lỗi." },
        };
        var sheets = new Dictionary<string, object> { [ValueFileColumns.DataSheet] = data, [ValueFileColumns.InfoSheet] = guide };
        destination.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    private static ValueFileContent ReadXlsx(Stream content)
    {
        List<string> sheets;
        try
        {
            sheets = content.GetSheetNames();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            return Refuse("?", "Tệp không phải là tệp Excel (.xlsx) hợp lệ.");
        }
        if (!sheets.Contains(ValueFileColumns.DataSheet) || !sheets.Contains(ValueFileColumns.InfoSheet)
            || !content.Query(useHeaderRow: false, sheetName: ValueFileColumns.InfoSheet).Take(5).Cast<IDictionary<string, object?>>()
                .Any(row => row.Values.Any(v => v?.ToString() == ValueFileColumns.Marker)))
            return Refuse(sheets.FirstOrDefault() ?? "?", "Tệp không phải là mẫu nhập số liệu của cổng. Hãy tải mẫu từ trang “Việc của tôi”.");

        var rows = content.Query(useHeaderRow: true, sheetName: ValueFileColumns.DataSheet).Cast<IDictionary<string, object?>>().ToList();
        var header = content.Query(useHeaderRow: false, sheetName: ValueFileColumns.DataSheet).Cast<IDictionary<string, object?>>().FirstOrDefault();
        var headerError = CheckHeader(ValueFileColumns.DataSheet, header?.Values.Select(v => v?.ToString()).ToList() ?? []);
        if (headerError is not null) return new ValueFileContent(ValueFileColumns.DataSheet, [], [headerError]);

        var result = new List<ValueFileRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Values.All(v => v is null || v.ToString()!.Trim().Length == 0)) continue;
            result.Add(new ValueFileRow(i + 2, Text(r, ValueFileColumns.Unit), Text(r, ValueFileColumns.Indicator), Text(r, ValueFileColumns.Period),
                r.TryGetValue(ValueFileColumns.Value, out var value) ? value : null, Text(r, ValueFileColumns.Source), Text(r, ValueFileColumns.Note)));
        }
        return new ValueFileContent(ValueFileColumns.DataSheet, result, []);
    }

    private static ValueFileContent ReadCsv(Stream content)
    {
        const string sheet = "CSV";
        var lines = CsvReading.Lines(Decode(content));
        if (lines.Count == 0) return Refuse(sheet, "Tệp CSV rỗng.");
        var headerError = CheckHeader(sheet, lines[0]);
        if (headerError is not null) return new ValueFileContent(sheet, [], [headerError]);
        var rows = new List<ValueFileRow>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i];
            if (cells.All(c => string.IsNullOrWhiteSpace(c))) continue;
            string? Cell(int index) => index < cells.Count && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index].Trim() : null;
            rows.Add(new ValueFileRow(i + 1, Cell(0), Cell(1), Cell(3), Cell(4), Cell(5), Cell(6)));
        }
        return new ValueFileContent(sheet, rows, []);
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Windows-1258, the Vietnamese code page.</summary>
    private static string Decode(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Windows-1258 writes some letters as a base letter plus a combining mark: compose them for comparison.
            return Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC);
        }
    }

    private static ImportError? CheckHeader(string sheet, IReadOnlyList<string?> header)
    {
        for (var i = 0; i < ValueFileColumns.All.Length; i++)
        {
            var found = i < header.Count ? header[i]?.Trim() : null;
            if (found != ValueFileColumns.All[i])
                return new ImportError(sheet, 1, ValueFileColumns.Letter(i),
                    $"Tiêu đề cột phải là “{ValueFileColumns.All[i]}”, tệp ghi “{found}”. Hãy dùng mẫu tải từ cổng.");
        }
        return null;
    }

    private static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value?.ToString()?.Trim() is { Length: > 0 } text ? text : null;

    private static ValueFileContent Refuse(string sheet, string message) => new(sheet, [], [new ImportError(sheet, null, null, message)]);
}
