using System.Text;
using KhcnTracker.Application.Reporting.Import;
using MiniExcelLibs;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>The values template as XLSX (MiniExcel, streaming) and CSV (UTF-8 with or without BOM, or Windows-1258).</summary>
public sealed class ValueFiles : IValueFiles
{
    static ValueFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ValueFileContent Read(Stream content, string fileName, ImportLimits limits) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(content, limits),
            ".csv" => ReadCsv(content, limits),
            _ => Refuse(fileName, new(ImportCodes.WrongType)),
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
        }.Concat(ValueFileColumns.Guide.Select(line => new Dictionary<string, object?> { ["A"] = line })).ToArray();
        var sheets = new Dictionary<string, object> { [ValueFileColumns.DataSheet] = data, [ValueFileColumns.InfoSheet] = guide };
        destination.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    private static ValueFileContent ReadXlsx(Stream content, ImportLimits limits)
    {
        if (XlsxBounds.Check(content, limits) is { } tooMuch) return Refuse(ValueFileColumns.DataSheet, tooMuch);
        List<string> sheets;
        try
        {
            sheets = content.GetSheetNames();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            return Refuse("?", new(ImportCodes.NotXlsx));
        }
        if (!sheets.Contains(ValueFileColumns.DataSheet) || !sheets.Contains(ValueFileColumns.InfoSheet)
            || !content.Query(useHeaderRow: false, sheetName: ValueFileColumns.InfoSheet).Take(5).Cast<IDictionary<string, object?>>()
                .Any(row => row.Values.Any(v => v?.ToString() == ValueFileColumns.Marker)))
            return Refuse(sheets.FirstOrDefault() ?? "?", new(ImportCodes.NotTemplate));

        var header = content.Query(useHeaderRow: false, sheetName: ValueFileColumns.DataSheet).Cast<IDictionary<string, object?>>().FirstOrDefault();
        var headerError = CheckHeader(ValueFileColumns.DataSheet, header?.Values.Select(v => v?.ToString()).ToList() ?? []);
        if (headerError is not null) return new ValueFileContent(ValueFileColumns.DataSheet, [], [headerError]);

        // Row by row as MiniExcel streams them; XlsxBounds has already bounded the rows and the cells.
        var result = new List<ValueFileRow>();
        var i = 0;
        foreach (var r in content.Query(useHeaderRow: true, sheetName: ValueFileColumns.DataSheet).Cast<IDictionary<string, object?>>())
        {
            i++;
            if (i > limits.MaxRows) return Refuse(ValueFileColumns.DataSheet, limits.TooManyRows());
            if (r.Values.All(v => v is null || v.ToString()!.Trim().Length == 0)) continue;
            result.Add(new ValueFileRow(i + 1, Text(r, ValueFileColumns.Unit), Text(r, ValueFileColumns.Indicator), Text(r, ValueFileColumns.Period),
                r.TryGetValue(ValueFileColumns.Value, out var value) ? value : null, Text(r, ValueFileColumns.Source), Text(r, ValueFileColumns.Note)));
        }
        return new ValueFileContent(ValueFileColumns.DataSheet, result, []);
    }

    /// <summary>
    /// Read as a stream, a row at a time: the encoding is settled by a first pass that decodes without keeping anything,
    /// then the rows are parsed with it, and the file is refused at the first row or cell over the limits.
    /// </summary>
    private static ValueFileContent ReadCsv(Stream content, ImportLimits limits)
    {
        const string sheet = "CSV";
        var start = content.Position;
        var (utf8, records) = Survey(content);
        if (records > limits.MaxRows + 1) return Refuse(sheet, limits.TooManyRows());
        var (encoding, compose) = utf8 ? (Encoding.UTF8, false) : (Encoding.GetEncoding(1258), true);
        content.Position = start;
        // The separator is told by the header line, read on its own (at most a few kilobytes of it).
        char separator;
        using (var head = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            var first = new char[8192];
            var read = head.ReadBlock(first, 0, first.Length);
            separator = CsvReading.Separator(new string(first, 0, read).Split('\n', 2)[0]);
        }
        content.Position = start;
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);

        var rows = new List<ValueFileRow>();
        var index = 0;
        foreach (var line in CsvReading.Rows(reader, separator, limits.MaxCellChars))
        {
            index++;
            if (line.TooLong) return Refuse(sheet, limits.CellTooLong(index.ToString()));
            var cells = compose ? line.Cells.Select(c => c.Normalize(NormalizationForm.FormC)).ToList() : line.Cells;
            if (index == 1)
            {
                var headerError = CheckHeader(sheet, cells);
                if (headerError is not null) return new ValueFileContent(sheet, [], [headerError]);
                continue;
            }
            if (index > limits.MaxRows + 1) return Refuse(sheet, limits.TooManyRows());
            if (cells.All(c => string.IsNullOrWhiteSpace(c))) continue;
            string? Cell(int i) => i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            rows.Add(new ValueFileRow(index, Cell(0), Cell(1), Cell(3), Cell(4), Cell(5), Cell(6)));
        }
        if (index == 0) return Refuse(sheet, new(ImportCodes.CsvEmpty));
        return new ValueFileContent(sheet, rows, []);
    }

    /// <summary>
    /// A first pass over the bytes that keeps nothing: whether they are valid UTF-8 (with or without BOM) — otherwise the
    /// file is Windows-1258, the Vietnamese code page, which writes some letters as a base letter plus a combining mark
    /// (composed for comparison) — and how many records the file has (line ends outside quotes; the quote and the line
    /// end are the same byte in both encodings), so that a file with too many rows is refused before a row is parsed.
    /// </summary>
    private static (bool Utf8, long Records) Survey(Stream content)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[65536];
        var chars = new char[bytes.Length + 4];
        var utf8 = true;
        long records = 0;
        var quoted = false;
        var pending = false; // bytes after the last line end
        int read;
        while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (bytes[i] == (byte)'"') quoted = !quoted;
                else if (bytes[i] == (byte)'\n' && !quoted) { records++; pending = false; continue; }
                pending = true;
            }
            if (!utf8) continue;
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                utf8 = false;
            }
        }
        if (utf8)
        {
            try { decoder.GetChars(bytes, 0, 0, chars, 0, flush: true); }
            catch (DecoderFallbackException) { utf8 = false; }
        }
        return (utf8, records + (pending ? 1 : 0));
    }

    private static ImportError? CheckHeader(string sheet, IReadOnlyList<string?> header)
    {
        for (var i = 0; i < ValueFileColumns.All.Length; i++)
        {
            var found = i < header.Count ? header[i]?.Trim() : null;
            if (found != ValueFileColumns.All[i])
                return new ImportError(sheet, 1, ValueFileColumns.Letter(i), new ImportProblem(ImportCodes.HeaderMismatch, [ValueFileColumns.All[i], found]));
        }
        return null;
    }

    private static string? Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value?.ToString()?.Trim() is { Length: > 0 } text ? text : null;

    private static ValueFileContent Refuse(string sheet, ImportProblem problem) => new(sheet, [], [new ImportError(sheet, null, null, problem)]);
}
