namespace KhcnTracker.Application.Reporting.Import;

/// <summary>The columns of the values template, in order. The header row must carry exactly these names.</summary>
public static class ValueFileColumns
{
    public const string Unit = "Mã tỉnh";
    public const string Indicator = "Mã chỉ số";
    public const string IndicatorName = "Tên chỉ số";
    public const string Period = "Kỳ báo cáo";
    public const string Value = "Giá trị";
    public const string Source = "Nguồn số liệu";
    public const string Note = "Ghi chú";

    public static readonly string[] All = [Unit, Indicator, IndicatorName, Period, Value, Source, Note];

    public const string DataSheet = "Số liệu";
    public const string InfoSheet = "Hướng dẫn";
    /// <summary>Written in the template's guide sheet, so that a file made from another template is recognised as such.</summary>
    public const string Marker = "KHCN-MAU-SO-LIEU-V1";

    /// <summary>Excel's letter for a column (A, B, …).</summary>
    public static string Letter(int index) => ((char)('A' + index)).ToString();
}

/// <summary>One data row as read from the file: <see cref="Value"/> is what the cell held (a number, a text or nothing).</summary>
public sealed record ValueFileRow(int Row, string? Unit, string? Indicator, string? Period, object? Value, string? Source, string? Note);

/// <summary>An error found in a file, placed where a person finds it: sheet, row and column.</summary>
public sealed record ImportError(string Sheet, int? Row, string? Column, string Message)
{
    public override string ToString() =>
        string.Join(", ", new[] { $"Trang “{Sheet}”", Row is { } r ? $"dòng {r}" : null, Column is { } c ? $"cột {c}" : null }.Where(p => p is not null))
        + ": " + Message;
}

/// <summary>A file read from XLSX or CSV: its rows, or why it is not a values file at all.</summary>
public sealed record ValueFileContent(string Sheet, IReadOnlyList<ValueFileRow> Rows, IReadOnlyList<ImportError> Errors);

/// <summary>Reads and writes the values template (XLSX and CSV), implemented in Infrastructure.</summary>
public interface IValueFiles
{
    /// <summary>Reads the rows of a file, refusing it as soon as it passes one of the <paramref name="limits"/>.</summary>
    ValueFileContent Read(Stream content, string fileName, ImportLimits limits);

    void WriteTemplate(Stream destination, IReadOnlyList<ValueFileRow> rows, IReadOnlyDictionary<string, string> indicatorNames);
}

/// <summary>
/// Saves an import in one transaction: the changes tracked in <c>db</c> and the <c>created</c> values, which are many and
/// new, so they go by PostgreSQL's COPY with their audit rows (implemented in Infrastructure).
/// </summary>
public interface IImportWriter
{
    Task SaveAsync(Common.IAppDbContext db, IReadOnlyList<Domain.Reporting.ReportedValue> created, CancellationToken ct);
}
