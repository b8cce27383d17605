namespace KhcnTracker.Infrastructure.Files;

/// <summary>One CSV row: its cells, or — when a cell passed the length limit — <see cref="TooLong"/> and the cells so far.</summary>
internal sealed record CsvRow(List<string> Cells, bool TooLong);

/// <summary>
/// Splits CSV text into rows of cells (RFC 4180 quoting) while reading, one row at a time, so that a file never sits in
/// memory whole. The separator is read from the header line: a semicolon where Excel with a Vietnamese locale wrote one
/// (its decimal separator is the comma), otherwise a comma.
/// </summary>
internal static class CsvReading
{
    public static char Separator(string firstLine) => firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';

    /// <summary>The rows of <paramref name="text"/>; a cell longer than <paramref name="maxCellChars"/> ends the reading.</summary>
    public static IEnumerable<CsvRow> Rows(TextReader text, char separator, int maxCellChars)
    {
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        int c;
        while ((c = text.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"' && text.Peek() == '"') { cell.Append('"'); text.Read(); }
                else if (c == '"') quoted = false;
                else cell.Append((char)c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                yield return new CsvRow(row, false);
                row = [];
            }
            else cell.Append((char)c);
            if (cell.Length > maxCellChars)
            {
                yield return new CsvRow(row, true);
                yield break;
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString().TrimEnd('\r'));
            yield return new CsvRow(row, false);
        }
    }
}
