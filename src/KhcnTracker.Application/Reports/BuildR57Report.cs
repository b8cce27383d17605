using System.Text.Json;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Exports;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reports;

/// <summary>A target's row: <see cref="StatusLabel"/> is <see cref="Status"/>'s label from the resources.</summary>
public sealed record R57TargetRow(int Number, string Indicator, string Target, string Latest, string StatusLabel, ProgressStatus Status);

/// <summary>How many targets have a status, with the status's label from the resources.</summary>
public sealed record R57StatusCount(ProgressStatus Status, string Label, int Count);

public sealed record R57TaskRow(int Number, string Name, string LeadAgency, string Deadline, string Status);

/// <summary>
/// "Báo cáo kết quả thực hiện Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW" for a province and a period, as
/// the portal held it at <see cref="AsOf"/>. <see cref="Checksum"/> covers the report's content, not when it was made.
/// </summary>
public sealed record R57Report(
    string UnitCode, string ProvinceNameVi, IReadOnlyList<string> FormerUnitNames, string Period, string PeriodName,
    DateTimeOffset AsOf, DateTimeOffset GeneratedAt, string GeneratedBy, IReadOnlyList<R57StatusCount> StatusCounts,
    IReadOnlyList<R57TargetRow> Targets, int TaskCount, IReadOnlyList<R57TaskRow> TasksDone, IReadOnlyList<R57TaskRow> TasksOverdue,
    string? Assessment, string? Difficulties, string? Proposals, string Checksum);

public sealed record R57Request(string Unit, string Period, DateTimeOffset? AsOf = null);

/// <summary>Builds the periodic report's content from the audit trail as of a moment; the writers lay it out (DOCX, then PDF).</summary>
public sealed class BuildR57Report(IReportingDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock, IDocumentWords words)
{
    private readonly TargetWording _wording = new(words);

    public async Task<R57Report> HandleAsync(R57Request request, CancellationToken ct = default)
    {
        var (now, asOf) = AsOfData.Moment(request.AsOf, clock);
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var (units, lineage) = (caller.Units, caller.Lineage);
        var unit = lineage.Find(request.Unit) ?? throw new NotFoundException("not-found.unit", request.Unit);
        // A former province's report is its successor's: the province of today with every unit merged into it.
        var province = lineage.Current(unit.Code);
        var valueScope = caller.RequireWithSuccessors(province.Code);
        if (!await db.Periods.AnyAsync(p => p.Code == request.Period, ct)) throw new NotFoundException("not-found.period", request.Period);

        var scope = lineage.WithPredecessors(province.Code);
        var statuses = (await AsOfData.ProgressAsync(db, units, valueScope, asOf, ct)).Where(p => scope.Contains(p.Unit.Code))
            .OrderBy(p => p.TargetYear).ThenBy(p => p.Indicator.NameVi).ToList();
        var targets = statuses.Select((p, i) => new R57TargetRow(i + 1,
            p.Unit.Code == province.Code ? p.Indicator.NameVi : words.Text("R57.FormerUnit", p.Indicator.NameVi, p.Unit.NameVi),
            _wording.Target(p), _wording.Latest(p), words.Of(p.Status), p.Status)).ToList();
        var counts = ProgressWords.Order.Select(s => new R57StatusCount(s, words.Of(s), statuses.Count(p => p.Status == s))).ToList();

        var year = VietnamTime.Of(asOf).Year;
        var agencies = (await db.Agencies.AsNoTracking().Where(a => scope.Contains(a.UnitCode)).ToListAsync(ct))
            .GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First().NameVi);
        var tasks = (await AsOfData.TasksAsync(db, scope, asOf, ct)).Where(t => !t.IsRetired).ToList();
        R57TaskRow Row(TaskState t, int i) => new(i + 1, t.NameVi ?? "", agencies.GetValueOrDefault(t.LeadAgency ?? "") ?? t.LeadAgency ?? "",
            t.StartYear == t.EndYear ? $"{t.EndYear}" : $"{t.StartYear}–{t.EndYear}",
            words.Of((PlanTaskStatus)t.Status));
        var done = tasks.Where(t => t.Status == (int)PlanTaskStatus.Done).Select(Row).ToList();
        var overdue = tasks.Where(t => t.IsOverdue(year)).Select(Row).ToList();

        var narratives = await History.AsOfAsync<NarrativeState>(db, "narrative", asOf, ct);
        var narrative = narratives.GetValueOrDefault($"{province.Code}/{request.Period}");

        var checksum = new ExportTable([new("report")],
        [
            [JsonSerializer.Serialize(new { province.Code, request.Period, targets = targets.Select(Hashed), done, overdue, tasks.Count })],
            [narrative?.Assessment], [narrative?.Difficulties], [narrative?.Proposals],
        ]).Checksum();
        return new R57Report(province.Code, province.NameVi, scope.Skip(1).Select(c => lineage.Find(c)!.NameVi).ToList(), request.Period,
            _wording.PeriodName(request.Period), asOf, now, user.Account ?? "", counts, targets, tasks.Count, done, overdue,
            narrative?.Assessment, narrative?.Difficulties, narrative?.Proposals, checksum);
    }

    /// <summary>A row as the checksum has always covered it (the label, then the status's word), so a report's checksum stays put.</summary>
    private static object Hashed(R57TargetRow t) =>
        new { t.Number, t.Indicator, t.Target, t.Latest, Status = t.StatusLabel, StatusCode = ProgressWords.Status.Format(t.Status) };
}

/// <summary>The writers of the report: the DOCX officials edit, and its PDF made by LibreOffice so the two never differ.</summary>
public interface IR57ReportWriter
{
    byte[] WriteDocx(R57Report report);

    /// <summary>False where LibreOffice is not installed: the portal then says so and offers the DOCX.</summary>
    bool CanWritePdf { get; }

    Task<byte[]> ConvertToPdfAsync(byte[] docx, CancellationToken ct);
}
