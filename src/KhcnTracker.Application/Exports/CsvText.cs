using System.Globalization;
using System.Text;

namespace KhcnTracker.Application.Exports;

/// <summary>
/// CSV as Excel opens it without asking: UTF-8 with a byte-order mark (so Vietnamese shows), commas, CRLF, quotes where
/// needed, numbers written invariantly (12.5) so that other systems read them back. A text cell that begins with
/// =, +, -, @, tab or carriage return gets a leading apostrophe, so that a spreadsheet never runs it as a formula.
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

    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            // Stored decimals carry their column's scale (12.000000): write them as people do (12).
            decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
            double or float or int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => Common.VietnamTime.Of(t).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            _ => Neutralise(value.ToString() ?? ""),
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>Formula-injection guard for text cells (OWASP's advice: prefix with an apostrophe).</summary>
    public static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
