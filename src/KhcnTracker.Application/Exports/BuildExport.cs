using KhcnTracker.Application.Auditing;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Exports;

/// <summary>
/// <see cref="AsOf"/> absent means now; <see cref="Audit"/> carries the audit log browser's filters; <see cref="Year"/>
/// (target year, task end year) and <see cref="Area"/> (khcn, dmst, cds) those of the targets and progress grids.
/// </summary>
public sealed record ExportRequest(string Dataset, string? Unit = null, DateTimeOffset? AsOf = null, AuditFilter? Audit = null,
    int? Year = null, string? Area = null);

/// <summary>
/// Builds a grid's data for export, as of a moment, from the audit trail alone — so an export asked for again later for
/// the same moment holds the same rows and checksum, whatever was edited since. Same scope rules as the grids.
/// </summary>
/// <remarks>Every word printed (headers, statuses, the information lines) comes from <see cref="IDocumentWords"/>, in Vietnamese.</remarks>
public sealed class BuildExport(IReportingDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock, IDocumentWords words)
{
    private readonly AuditWording _wording = new(words);

    /// <summary>A column headed by the text of <c>Export.Column.{name}</c>.</summary>
    private ExportColumn Column(string name, ColumnKind kind = ColumnKind.Text) => new(words.Text($"Export.Column.{name}"), kind);

    private string YesNo(bool yes) => words.Text(yes ? "Export.Yes" : "Export.No");

    public async Task<ExportResult> HandleAsync(ExportRequest request, CancellationToken ct = default)
    {
        if (!ExportDatasets.All.Contains(request.Dataset)) throw new NotFoundException("not-found.dataset", request.Dataset);
        var title = words.Text($"Export.Dataset.{request.Dataset}");
        var (now, asOf) = AsOfData.Moment(request.AsOf, clock);

        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var (units, lineage) = (caller.Units, caller.Lineage);
        var unit = request.Unit is { Length: > 0 } code ? code : request.Audit?.Unit;
        var table = request.Dataset switch
        {
            ExportDatasets.Audit => await AuditAsync(db, (request.Audit ?? new AuditFilter()) with { Unit = unit, To = Min(request.Audit?.To, asOf) }, ct),
            ExportDatasets.Targets => Targets(await AsOfData.TargetsAsync(db, Scope(caller, unit, catalogue: true), asOf, ct), units, await IndicatorsAsync(db, ct)),
            // Task statuses and notes are the approved facts of progress reports: the values' scope, not the catalogue's.
            ExportDatasets.Tasks => await TasksAsync(db, Scope(caller, unit, catalogue: false), asOf, ct),
            ExportDatasets.Values => Values(await AsOfData.ValuesAsync(db, Scope(caller, unit, catalogue: false), asOf, ct), await IndicatorsAsync(db, ct)),
            _ => await ProgressAsync(db, units, Scope(caller, unit, catalogue: false), asOf, ct),
        };
        table = await FilterAsync(db, table, request);
        var scope = (unit is null ? words.Text("Export.Scope.All") : TargetUnitName(lineage, unit))
                    + (request.Year is { } y ? words.Text("Export.Scope.Year", y) : "") + (request.Area is { Length: > 0 } a ? words.Text("Export.Scope.Area", a) : "");
        var info = new ExportInfo(request.Dataset, title, scope, user.Account ?? "", now, asOf, table.Rows.Count, table.Checksum());
        return new ExportResult(info, table, ExportHeader.Lines(info, words));
    }

    /// <summary>The targets, progress and tasks grids' own filters: a year, an area (by the indicator's areas).</summary>
    private async Task<ExportTable> FilterAsync(IAppDbContext db, ExportTable table, ExportRequest request)
    {
        if (request.Dataset is not (ExportDatasets.Targets or ExportDatasets.Progress or ExportDatasets.Tasks)) return table;
        var headers = table.Columns.Select(c => c.Header).ToList();
        var rows = table.Rows.AsEnumerable();
        var years = new[] { Column("Year"), Column("TargetYear"), Column("EndYear") }.Select(c => c.Header).ToList();
        var yearColumn = headers.FindIndex(years.Contains);
        if (request.Year is { } year && yearColumn >= 0) rows = rows.Where(r => Equals(r[yearColumn], year));
        var indicatorColumn = headers.IndexOf(Column("IndicatorCode").Header);
        if (CatalogueWords.Area.TryParse(request.Area, out var area) && indicatorColumn >= 0)
        {
            var inArea = (await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.Areas }).ToListAsync())
                .Where(i => i.Areas.HasFlag(area)).Select(i => i.Code).ToHashSet();
            rows = rows.Where(r => inArea.Contains((string)r[indicatorColumn]!));
        }
        return table with { Rows = rows.ToList() };
    }

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static string TargetUnitName(UnitLineage lineage, string code) => lineage.Find(code)?.NameVi ?? code;

    /// <summary>The units whose rows the caller may export: one (with the units merged into it) or every one they may read.</summary>
    private IReadOnlyList<string> Scope(CallerScope caller, string? unit, bool catalogue)
    {
        if (catalogue)
        {
            user.EnsureCanReadCatalogue();
            return unit is { Length: > 0 } ? caller.Lineage.WithPredecessors(unit) : caller.Units.Select(u => u.Code).ToList();
        }
        if (unit is { Length: > 0 }) return caller.RequireWithSuccessors(unit);
        user.EnsureCanReadCatalogue();
        return caller.ReadableUnits;
    }

    private static Task<Dictionary<string, Indicator>> IndicatorsAsync(IAppDbContext db, CancellationToken ct) => AsOfData.IndicatorsAsync(db, ct);


    /// <summary>
    /// Every revision of every value, then the computed indicators' values worked out from the approved inputs of the
    /// same moment — status "computed" (<c>Export.Computed</c>), the input revisions in the source column — so an as-of export computes from
    /// the inputs as they then were.
    /// </summary>
    private ExportTable Values(List<ValueState> values, Dictionary<string, Indicator> indicators)
    {
        var approved = values.Where(v => v.Status == (int)ValueStatus.Approved && v.Value is not null)
            .Select(v => new ApprovedFigure(v.Unit!, v.Indicator!, v.Period!, v.Revision, v.Value!.Value));
        var computed = ComputedFigures.Compute(indicators, FigureSet.Latest(approved))
            .OrderBy(f => f.UnitCode).ThenBy(f => f.IndicatorCode).ThenBy(f => PeriodPosition.Of(f.PeriodCode));
        return new(
        [
            Column("UnitCode"), Column("IndicatorCode"), Column("Indicator"), Column("Period"), Column("Revision", ColumnKind.Number),
            Column("Value", ColumnKind.Number), Column("Status"), Column("Source"), Column("Note"), Column("EnteredBy"),
            Column("EnteredAt", ColumnKind.DateTime), Column("SubmittedBy"), Column("SubmittedAt", ColumnKind.DateTime),
            Column("ReviewedBy"), Column("ReviewedAt", ColumnKind.DateTime), Column("ReturnReason"),
        ], values.Select(v => new object?[]
        {
            v.Unit, v.Indicator, indicators.GetValueOrDefault(v.Indicator!)?.NameVi, v.Period, v.Revision, v.Value, words.Of((ValueStatus)v.Status),
            v.Source, v.Note, v.EnteredBy, v.EnteredAt, v.SubmittedBy, v.SubmittedAt, v.ReviewedBy, v.ReviewedAt, v.ReturnReason,
        }).Concat(computed.Select(f => new object?[]
        {
            f.UnitCode, f.IndicatorCode, indicators.GetValueOrDefault(f.IndicatorCode)?.NameVi, f.PeriodCode, null, f.Value, words.Text("Export.Computed"),
            ComputedWords.Inputs(f, indicators, words), ComputedWords.Problem(f, words), null, null, null, null, null, null, null,
        })).ToList());
    }

    private ExportTable Targets(List<TargetState> targets, IReadOnlyList<AdministrativeUnit> units, Dictionary<string, Indicator> indicators) => new(
    [
        Column("TargetId", ColumnKind.Number), Column("UnitCode"), Column("Unit"), Column("Document"), Column("IndicatorCode"), Column("Indicator"),
        Column("Year", ColumnKind.Number), Column("Comparator"), Column("Value", ColumnKind.Number), Column("ValueMax", ColumnKind.Number),
        Column("Growth"), Column("BaseYear", ColumnKind.Number), Column("BaseValue", ColumnKind.Number), Column("ToBeConfirmed"), Column("Retired"),
    ], targets.Select(t => new object?[]
    {
        t.Id, t.Unit, units.FirstOrDefault(u => u.Code == t.Unit)?.NameVi, t.Document, t.Indicator, indicators.GetValueOrDefault(t.Indicator!)?.NameVi,
        t.Year, CatalogueWords.Comparator.Format((Comparator)t.Comparator), t.Value, t.ValueMax,
        t.GrowthMode is { } mode ? $"{CatalogueWords.Growth.Format((GrowthMode)mode)} {t.GrowthFromYear}–{t.GrowthToYear}" : null,
        t.BaselineYear, t.BaselineValue, YesNo(t.ToBeConfirmed), YesNo(t.IsRetired),
    }).ToList());

    private async Task<ExportTable> TasksAsync(IAppDbContext db, IReadOnlyList<string> units, DateTimeOffset asOf, CancellationToken ct)
    {
        var year = VietnamTime.Of(asOf).Year;
        var tasks = await AsOfData.TasksAsync(db, units, asOf, ct);
        return new ExportTable(
        [
            Column("TaskId", ColumnKind.Number), Column("Document"), Column("Number", ColumnKind.Number), Column("Task"), Column("UnitCode"),
            Column("LeadAgency"), Column("Product"), Column("StartYear", ColumnKind.Number), Column("EndYear", ColumnKind.Number), Column("Status"),
            Column("Overdue"), Column("ProgressNote"), Column("Retired"),
        ], tasks.Select(t => new object?[]
        {
            t.Id, t.Document, t.Number, t.NameVi, t.Unit, t.LeadAgency, t.ProductVi, t.StartYear, t.EndYear,
            words.Of((PlanTaskStatus)t.Status), YesNo(t.IsOverdue(year)),
            t.ProgressNote, YesNo(t.IsRetired),
        }).ToList());
    }

    private async Task<ExportTable> ProgressAsync(IAppDbContext db, IReadOnlyList<AdministrativeUnit> units, IReadOnlyList<string> scope,
        DateTimeOffset asOf, CancellationToken ct)
    {
        var statuses = await AsOfData.ProgressAsync(db, units, scope, asOf, ct);
        return new ExportTable(
        [
            Column("TargetId", ColumnKind.Number), Column("UnitCode"), Column("IndicatorCode"), Column("Indicator"), Column("TargetYear", ColumnKind.Number),
            Column("Comparator"), Column("TargetValue", ColumnKind.Number), Column("ValueMax", ColumnKind.Number), Column("BaseYear", ColumnKind.Number),
            Column("BaseValue", ColumnKind.Number), Column("LatestPeriod"), Column("LatestValue", ColumnKind.Number), Column("AimedValue", ColumnKind.Number),
            Column("CurrentGrowth", ColumnKind.Number), Column("RequiredGrowth", ColumnKind.Number), Column("Ratio", ColumnKind.Number),
            Column("Status"), Column("StatusCode"),
        ], statuses.Select(p => new object?[]
        {
            p.TargetId, p.Unit.Code, p.Indicator.Code, p.Indicator.NameVi, p.TargetYear, CatalogueWords.Comparator.Format(p.Comparator), p.Value, p.ValueMax, p.BaseYear,
            p.BaseValue, p.LatestPeriod, p.LatestValue, p.AimedValue, Round(p.CurrentGrowth), Round(p.RequiredGrowth), Round(p.Ratio),
            words.Of(p.Status), ProgressWords.Status.Format(p.Status),
        }).ToList());
    }

    private static decimal? Round(double? x) => x is { } v && double.IsFinite(v) ? Math.Round((decimal)v, 6) : null;

    /// <summary>
    /// The trail in words: labels, old → new, Vietnam time with its zone — the same for rows of every stored format — and,
    /// for whoever re-checks a hash, the stored format and changes exactly as hashed.
    /// </summary>
    private async Task<ExportTable> AuditAsync(IAppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = await ListAuditLog.QueryAsync(db, user, filter, ct);
        var rows = (await query.OrderBy(a => a.Sequence).ToListAsync(ct))
            .Select(a =>
            {
                var record = AuditRecord.Of(a);
                var changes = string.Join("\n", record.Changes.Select(c => _wording.Change(record.Subject, a.Action, c)));
                return new object?[]
                {
                    a.Sequence, AuditWording.Time(a.At), a.Actor, a.Origin, _wording.Subject(record.Subject), a.EntityKey, _wording.Action(a.Action),
                    changes, a.Format, a.Changes, a.PreviousHash, a.Hash,
                };
            })
            .ToList();
        return new ExportTable(
        [
            Column("Number", ColumnKind.Number), Column("At"), Column("Actor"), Column("Origin"), Column("Subject"),
            Column("Key"), Column("Action"), Column("Changes"), Column("Format", ColumnKind.Number), Column("Stored"),
            Column("PreviousHash"), Column("Hash"),
        ], rows);
    }
}
