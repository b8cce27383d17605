using System.Globalization;

namespace KhcnTracker.Application.Exports;

/// <summary>
/// The canonical text of a cell behind an export's checksum (<see cref="ExportTable.Checksum"/>). Frozen: it is the
/// form the first exports were checksummed with (then shared with the CSV writer), so a checksum printed in a file
/// exported then still verifies by exporting the same data as of the same moment. The CSV writer (<see cref="CsvText"/>)
/// may change how it quotes and guards cells; never change this form.
/// </summary>
public static class ChecksumText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
            double or float or int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Prefixed(value.ToString() ?? ""),
        };
        return value is DateTimeOffset || text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    private static string Prefixed(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
