using System.Globalization;

namespace KhcnTracker.Application.Reporting.Import;

public sealed record ImportProgress(int RowsChecked, int RowsTotal);

/// <summary>What an import did (or, in a dry run, would do): rows new, changed, left as they were, and left blank.</summary>
public sealed record ImportSummary(int New, int Changed, int Unchanged, int Skipped)
{
    public static readonly ImportSummary None = new(0, 0, 0, 0);
}

/// <summary>The errors are the first <see cref="ImportLimits.MaxErrors"/>; <see cref="ErrorCount"/> is how many there were.</summary>
public sealed record ImportResult(int Applied, IReadOnlyList<ImportError> Errors, ImportSummary Summary, bool DryRun = false)
{
    private readonly int? _errorCount;

    public ImportResult(int applied, IReadOnlyList<ImportError> errors) : this(applied, errors, ImportSummary.None) { }

    public bool Succeeded => Errors.Count == 0;

    public int ErrorCount { get => _errorCount ?? Errors.Count; init => _errorCount = value; }
}

/// <summary>
/// Imports a filled template: every row is checked first, then the whole file is applied in one transaction — or,
/// if any row is wrong, nothing is, and every error is listed by sheet, row and column. A department fills a few rows at
/// a time: a blank "Giá trị" is skipped, and a row equal to the figure on record is left alone (no new revision of an
/// approved value nobody touched). A dry run checks and counts without saving, so the person sees the summary first.
/// </summary>
public sealed class ImportValues(IAppDbContextFactory dbFactory, ICurrentUser user, IValueFiles files, IImportWriter writer, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ImportLimits> options)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<ImportResult> HandleAsync(Stream content, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken ct = default, bool dryRun = false)
    {
        user.EnsureReportsForAnAgency();
        var limits = options.Value;
        if (content.CanSeek && content.Length > MaxBytes)
            return Failed(fileName, new(ImportCodes.FileTooLarge, [MaxBytes / (1024 * 1024)]));
        // An upload that cannot be read twice is spooled to a temporary file (never to memory), at most MaxBytes.
        await using var spooled = content.CanSeek ? null : await SpoolAsync(content, ct);
        if (!content.CanSeek && spooled is null) return Failed(fileName, new(ImportCodes.FileTooLarge, [MaxBytes / (1024 * 1024)]));
        var readable = spooled ?? content;

        var file = files.Read(readable, fileName, limits);
        if (file.Errors.Count > 0) return new ImportResult(0, file.Errors);
        if (file.Rows.Count == 0) return Failed(file.Sheet, new(ImportCodes.NoRows));

        await using var db = await dbFactory.CreateAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var units = file.Rows.Select(r => r.Unit).Where(u => u is not null).Distinct().ToList();
        // Each province's own state of each period (decision 0009): a row for a locked period is refused like any other rule.
        var periodOf = await Periods.UnitPeriods.LookupAsync(db, units!, ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => units.Contains(a.UnitCode)).ToDictionaryAsync(a => (a.UnitCode, a.IndicatorCode), ct);
        var latest = (await db.Values.Where(v => units.Contains(v.UnitCode)).ToListAsync(ct))
            .GroupBy(v => (v.UnitCode, v.IndicatorCode, v.PeriodCode)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Revision)!);

        var errors = new ErrorList(limits.MaxErrors);
        var created = new List<ReportedValue>();
        var seen = new HashSet<(string, string, string)>();
        int changed = 0, unchanged = 0, skipped = 0;
        var now = clock.GetUtcNow();
        var by = user.Account!;
        for (var i = 0; i < file.Rows.Count; i++)
        {
            var row = file.Rows[i];
            ImportError Error(int column, string code, params object?[] arguments) =>
                new(file.Sheet, row.Row, $"{ValueFileColumns.Letter(column)} ({ValueFileColumns.All[column]})", code, arguments);

            if (!indicators.TryGetValue(row.Indicator ?? "", out var indicator)) { errors.Add(Error(1, ImportCodes.UnknownIndicator, row.Indicator)); continue; }
            if (row.Unit is null || !assignments.TryGetValue((row.Unit, indicator.Code), out var assignment) || !user.CanReportFor(row.Unit, assignment.AgencyCode))
            { errors.Add(Error(0, ImportCodes.NotAssigned, row.Unit)); continue; }
            if (periodOf(row.Unit, row.Period ?? "") is not { } period) { errors.Add(Error(3, ImportCodes.UnknownPeriod, row.Period)); continue; }
            if (!seen.Add((row.Unit, indicator.Code, period.Code))) { errors.Add(Error(1, ImportCodes.DuplicateRow)); continue; }
            if (IsBlank(row.Value)) { skipped++; continue; }
            if (ParseValue(row.Value) is not { } parsed) { errors.Add(Error(4, ImportCodes.NotANumber, row.Value)); continue; }

            try
            {
                var key = (row.Unit, indicator.Code, period.Code);
                var current = latest.GetValueOrDefault(key);
                if (current is not null && Same(current, parsed, row.Source, row.Note)) unchanged++;
                else if (current is null) created.Add(ReportedValue.Draft(row.Unit, indicator, period, parsed, row.Source, row.Note, by, now));
                else if (current.Status == ValueStatus.Approved)
                {
                    changed++;
                    var next = current.Revise(period, by, now);
                    next.Edit(indicator, period, parsed, row.Source, row.Note, by, now);
                    db.Values.Add(next);
                }
                else
                {
                    changed++;
                    current.Edit(indicator, period, parsed, row.Source, row.Note, by, now);
                }
            }
            catch (DomainException e)
            {
                errors.Add(new ImportError(file.Sheet, row.Row, $"{ValueFileColumns.Letter(4)} ({ValueFileColumns.All[4]})", e.Code, e.Arguments));
            }
            if (i % 500 == 0) progress?.Report(new ImportProgress(i + 1, file.Rows.Count));
        }
        progress?.Report(new ImportProgress(file.Rows.Count, file.Rows.Count));
        var summary = new ImportSummary(created.Count, changed, unchanged, skipped);
        if (errors.Count > 0) return new ImportResult(0, errors.First, summary, dryRun) { ErrorCount = errors.Count };
        if (dryRun) return new ImportResult(0, [], summary, DryRun: true);

        // One transaction: changed drafts through EF, new values by COPY, and the audit rows of the whole import commit
        // together, tagged as one batch.
        db.SetAuditOrigin($"import {Guid.NewGuid():N} {Path.GetFileName(fileName)}");
        await ChangeSaving.SaveAsync(db, ct, () => writer.SaveAsync(db, created, ct), saveChanges: false);
        return new ImportResult(created.Count + changed, [], summary);
    }

    private static bool IsBlank(object? cell) => cell is null || cell is string s && s.Trim().Length == 0;

    /// <summary>The row says what is on record already: same figure, same source, same note (blank and missing alike).</summary>
    private static bool Same(ReportedValue current, decimal value, string? source, string? note) =>
        current.Value == value && Text(current.Source) == Text(source) && Text(current.Note) == Text(note);

    private static string Text(string? text) => text?.Trim() ?? "";

    private static decimal? ParseValue(object? cell) => cell switch
    {
        double d => (decimal)d,
        decimal m => m,
        int n => n,
        long l => l,
        string s when decimal.TryParse(s.Trim().Replace(" ", ""), NumberStyles.Number, Vietnamese, out var v) => v,
        _ => null,
    };

    private static ImportResult Failed(string sheet, ImportProblem problem) => new(0, [new ImportError(sheet, null, null, problem)]);

    private static async Task<Stream?> SpoolAsync(Stream content, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (file.Length + read > MaxBytes)
            {
                await file.DisposeAsync();
                return null;
            }
            await file.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        file.Position = 0;
        return file;
    }

    /// <summary>Keeps the first errors to show and counts the rest.</summary>
    private sealed class ErrorList(int keep)
    {
        private readonly List<ImportError> _first = [];

        public IReadOnlyList<ImportError> First => _first;

        public int Count { get; private set; }

        public void Add(ImportError error)
        {
            if (_first.Count < keep) _first.Add(error);
            Count++;
        }
    }
}
