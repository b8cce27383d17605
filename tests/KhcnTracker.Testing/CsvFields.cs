using System.Text;

namespace KhcnTracker.Testing;

/// <summary>Reads CSV as a spreadsheet does (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).</summary>
public static class CsvFields
{
    public static List<string[]> Parse(string csv, char separator = ',')
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) rows.Add([.. row, field.ToString()]);
        return rows;
    }

    /// <summary>The CSV's fields without their quotes, joined by commas, a line per row: for assertions on the text.</summary>
    public static string Plain(string csv) => string.Concat(Parse(csv).Select(r => string.Join(',', r) + "\r\n"));
}
