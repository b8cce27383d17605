using System.Globalization;
using System.Text;

namespace KhcnTracker.Application.Exports;

/// <summary>
/// CSV as Excel opens it without asking: UTF-8 with a byte-order mark (so Vietnamese shows), commas, CRLF, numbers
/// written invariantly (12.5) so that other systems read them back. Every text cell is quoted, and every part of it that
/// a spreadsheet could split off and run as a formula — the start of the cell and whatever follows a <c>,</c> or a
/// <c>;</c> (the list separator of Vietnamese regional settings) — is guarded with an apostrophe when it begins with
/// =, +, -, @, tab or carriage return. Numbers and dates are written bare, so they stay numbers.
/// The checksum of an export is not computed from this text but from <see cref="ChecksumText"/>.
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows,
        IEnumerable<IReadOnlyList<object?>>? preamble = null)
    {
        var text = new StringBuilder();
        foreach (var line in preamble ?? []) AppendLine(text, line);
        AppendLine(text, headers);
        foreach (var row in rows) AppendLine(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendLine<T>(StringBuilder text, IReadOnlyList<T> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Cell(cells[i]));
        }
        text.Append("\r\n");
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        // Stored decimals carry their column's scale (12.000000): write them as people do (12).
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        double or float or int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => Common.VietnamTime.Of(t).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        _ => "\"" + GuardEveryPart(value.ToString() ?? "").Replace("\"", "\"\"") + "\"",
    };

    /// <summary>
    /// Formula-injection guard for a text cell of a spreadsheet (OWASP's advice: prefix with an apostrophe): only the
    /// cell's start, for a typed cell such as an XLSX string that no separator can split.
    /// </summary>
    public static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>
    /// The guard at the start and after every <c>,</c> or <c>;</c> (leading spaces skipped), for text a spreadsheet
    /// might split on its list separator: <c>a;=HYPERLINK(…)</c> becomes <c>a;'=HYPERLINK(…)</c>.
    /// </summary>
    public static string GuardEveryPart(string text)
    {
        var guarded = new StringBuilder(text.Length + 4);
        var partStart = true;
        foreach (var c in text)
        {
            if (partStart && c == ' ')
            {
                guarded.Append(c);
                continue;
            }
            if (partStart && FormulaStarts.Contains(c)) guarded.Append('\'');
            guarded.Append(c);
            partStart = c is ',' or ';';
        }
        return guarded.ToString();
    }
}
