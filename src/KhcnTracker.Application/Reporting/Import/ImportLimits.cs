namespace KhcnTracker.Application.Reporting.Import;

/// <summary>
/// How much one import may hold (settings section <c>Import</c>): a file is refused, quickly and with a clear message,
/// before it can fill the server's memory — by rows, by the length of one cell, by the bytes an XLSX unpacks to — and at
/// most <see cref="MaxErrors"/> errors are listed (with the total).
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    public int MaxRows { get; set; } = 50_000;

    /// <summary>The longest cell, in characters (the longest text the domain accepts is 2,000).</summary>
    public int MaxCellChars { get; set; } = 2_000;

    /// <summary>What all the parts of an XLSX may unpack to together; checked on the declared sizes and again while reading.</summary>
    public long MaxUnpackedBytes { get; set; } = 64L * 1024 * 1024;

    public int MaxErrors { get; set; } = 200;

    public ImportProblem TooManyRows() => new(ImportCodes.TooManyRows, [MaxRows]);

    public ImportProblem CellTooLong(string? row) =>
        row is null ? new(ImportCodes.CellTooLong, [MaxCellChars]) : new(ImportCodes.CellTooLongAt, [MaxCellChars, row]);

    public ImportProblem TooBig() => new(ImportCodes.Unpacked, [MaxUnpackedBytes / (1024 * 1024)]);
}
