namespace KhcnTracker.Application.Reporting.Import;

/// <summary>One data row as read from the file: <see cref="Value"/> is what the cell held (a number, a text or nothing).</summary>
public sealed record ValueFileRow(int Row, string? Unit, string? Indicator, string? Period, object? Value, string? Source, string? Note);

/// <summary>Why a file or a row is refused: a rule code (its text is the resource <c>Rule.{Code}</c>) and its arguments.</summary>
public sealed record ImportProblem(string Code, IReadOnlyList<object?> Arguments)
{
    public ImportProblem(string code) : this(code, []) { }
}

/// <summary>
/// An error found in a file, placed where a person finds it: sheet, row and column (its letter and header, e.g.
/// <c>E (Giá trị)</c>). What is wrong is a code with arguments; the page and the API put it in words.
/// </summary>
public sealed record ImportError(string Sheet, int? Row, string? Column, string Code, IReadOnlyList<object?> Arguments)
{
    public ImportError(string sheet, int? row, string? column, ImportProblem problem) : this(sheet, row, column, problem.Code, problem.Arguments) { }

    public override string ToString() => $"{Sheet}!{Row}:{Column} {Code}({string.Join("; ", Arguments)})";
}

/// <summary>The rule codes of an import (texts <c>Rule.import.*</c> in the resources).</summary>
public static class ImportCodes
{
    public const string WrongType = "import.wrong-type";
    public const string NotXlsx = "import.not-xlsx";
    public const string NotTemplate = "import.not-template";
    public const string CsvEmpty = "import.csv-empty";
    public const string HeaderMismatch = "import.header-mismatch";
    public const string FileTooLarge = "import.file-too-large";
    public const string NoRows = "import.no-rows";
    public const string TooManyRows = "import.too-many-rows";
    public const string CellTooLong = "import.cell-too-long";
    public const string CellTooLongAt = "import.cell-too-long-at";
    public const string Unpacked = "import.unpacked-too-big";
    public const string UnknownIndicator = "import.unknown-indicator";
    public const string NotAssigned = "import.not-assigned";
    public const string UnknownPeriod = "import.unknown-period";
    public const string DuplicateRow = "import.duplicate-row";
    public const string NotANumber = "import.not-a-number";
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
