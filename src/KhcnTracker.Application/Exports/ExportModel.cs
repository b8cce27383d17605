using System.Security.Cryptography;
using System.Text;

namespace KhcnTracker.Application.Exports;

public enum ColumnKind { Text, Number, DateTime }

public sealed record ExportColumn(string Header, ColumnKind Kind = ColumnKind.Text);

/// <summary>A grid's data as exported: typed columns and rows, the same for XLSX and CSV.</summary>
public sealed record ExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// SHA-256 of the data alone (not of when or by whom it was exported), over an invariant text form of every cell:
    /// the same data as of the same moment gives the same checksum, whenever it is asked for.
    /// </summary>
    public string Checksum()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in Rows.Prepend(Columns.Select(c => (object?)c.Header).ToArray()))
            sha.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', row.Select(ChecksumText.Cell)) + "\u001e"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>What was exported, by whom, when, as of when — the header sheet of an XLSX and the first lines of a CSV.</summary>
public sealed record ExportInfo(string Dataset, string TitleVi, string Scope, string ExportedBy, DateTimeOffset ExportedAt, DateTimeOffset AsOf,
    int RowCount, string Checksum);

/// <summary>A line of what an export is: its label in the document's words, and its value.</summary>
public sealed record ExportHeaderLine(string Label, object? Value);

/// <summary>An export: what it is (<see cref="Info"/>, and the same as labelled lines in <see cref="Header"/>) and its data.</summary>
public sealed record ExportResult(ExportInfo Info, ExportTable Table, IReadOnlyList<ExportHeaderLine> Header);

/// <summary>The datasets an export can hold, by the words the API uses; their titles are <c>Export.Dataset.{word}</c>.</summary>
public static class ExportDatasets
{
    public const string Targets = "targets", Values = "values", Progress = "progress", Tasks = "tasks", Audit = "audit";

    public static readonly IReadOnlyList<string> All = [Targets, Values, Progress, Tasks, Audit];
}
