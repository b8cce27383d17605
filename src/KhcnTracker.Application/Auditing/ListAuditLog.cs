using System.Linq.Expressions;
using KhcnTracker.Domain.Auditing;

namespace KhcnTracker.Application.Auditing;

/// <summary>
/// The audit log browser's filters. <see cref="Unit"/> (with the units merged into it) and <see cref="Agency"/> keep
/// the changes to what belongs to them: their values and evidence, targets, tasks, assignments, documents and agencies
/// (and, for a province, the reporting periods, which every province shares).
/// </summary>
public sealed record AuditFilter(
    string? Unit = null, string? Agency = null, string? Actor = null, string? Entity = null, string? Action = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? EntityKey = null, int Skip = 0, int Take = 50);

/// <summary>A row of the trail in stable words (<see cref="Entity"/> is the subject's word), whatever format it was stored in.</summary>
public sealed record AuditRow(long Sequence, DateTimeOffset At, string Actor, string Origin, string Entity, string EntityKey,
    string Action, IReadOnlyList<AuditChange> Changes, string Hash)
{
    public static AuditRow Of(AuditEntry a)
    {
        var record = AuditRecord.Of(a);
        return new(a.Sequence, a.At, a.Actor, a.Origin, record.Subject, a.EntityKey, a.Action, record.Changes, a.Hash);
    }
}

/// <summary>Auditors read the audit trail of their province (national auditors and administrators: all of it).</summary>
public sealed class ListAuditLog(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public const int MaxPageSize = 500;

    /// <summary>The subjects the trail records, by their words (the filter also takes their format-1 names).</summary>
    public static readonly IReadOnlyList<string> Entities =
    [
        "value", "evidence", "target", "task", "assignment", "period", "indicator", "document",
        "unit_period", "agency", "unit", "account", "narrative", "task_report", "task_evidence",
    ];

    public async Task<Paged<AuditRow>> HandleAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await QueryAsync(db, user, filter, ct);
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(a => a.Sequence)
            .Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, MaxPageSize))
            .ToListAsync(ct);
        return new Paged<AuditRow>(page.Select(AuditRow.Of).ToList(), total);
    }

    /// <summary>The filtered trail, after the caller's right to read it is checked (shared with the export).</summary>
    internal static async Task<IQueryable<AuditEntry>> QueryAsync(IAppDbContext db, ICurrentUser user, AuditFilter filter, CancellationToken ct)
    {
        user.EnsureCanReadAuditOf(filter.Unit is { Length: > 0 } ? new UnitLineage(await db.Units.AsNoTracking().ToListAsync(ct)).Current(filter.Unit).Code : null);
        var query = db.AuditLog.AsNoTracking();
        if (filter.Unit is { Length: > 0 } || filter.Agency is { Length: > 0 })
            query = query.Where(await ScopeAsync(db, filter.Unit, filter.Agency, ct));
        if (filter.Actor is { Length: > 0 } actor) query = query.Where(a => a.Actor.Contains(actor.Trim()));
        if (filter.Entity is { Length: > 0 } entity)
        {
            var names = AuditRecord.StoredNames(AuditRecord.SubjectOf(entity.Trim()));
            query = query.Where(a => names.Contains(a.Entity));
        }
        if (filter.EntityKey is { Length: > 0 } key) query = query.Where(a => a.EntityKey == key);
        if (filter.Action is { Length: > 0 } action) query = query.Where(a => a.Action == action);
        if (filter.From is { } from) query = query.Where(a => a.At >= from);
        if (filter.To is { } to) query = query.Where(a => a.At <= to);
        return query;
    }

    private static async Task<Expression<Func<AuditEntry, bool>>> ScopeAsync(IAppDbContext db, string? unit, string? agency, CancellationToken ct)
    {
        var lineage = new UnitLineage(await db.Units.AsNoTracking().ToListAsync(ct));
        var units = unit is { Length: > 0 } ? lineage.WithPredecessors(unit).ToList() : (await db.Units.Select(u => u.Code).ToListAsync(ct));
        var assignments = await db.Assignments.AsNoTracking().Where(a => units.Contains(a.UnitCode) && (agency == null || a.AgencyCode == agency))
            .Select(a => new { a.UnitCode, a.IndicatorCode }).ToListAsync(ct);
        var indicators = assignments.Select(a => a.IndicatorCode).Distinct().ToList();

        var valueIds = await db.Values.Where(v => units.Contains(v.UnitCode) && (agency == null || indicators.Contains(v.IndicatorCode)))
            .Select(v => v.Id).ToListAsync(ct);
        var evidenceIds = await db.Evidence.Where(e => valueIds.Contains(e.ValueId)).Select(e => e.Id).ToListAsync(ct);
        var targetIds = await db.Targets.Where(t => units.Contains(t.UnitCode) && (agency == null || indicators.Contains(t.IndicatorCode)))
            .Select(t => t.Id).ToListAsync(ct);
        var taskIds = await db.Tasks.Where(t => units.Contains(t.UnitCode) && (agency == null || t.LeadAgencyCode == agency))
            .Select(t => t.Id).ToListAsync(ct);
        var reportIds = await db.TaskReports.Where(r => units.Contains(r.UnitCode) && (agency == null || r.AgencyCode == agency))
            .Select(r => r.Id).ToListAsync(ct);
        var taskEvidenceIds = await db.TaskEvidence.Where(e => reportIds.Contains(e.ReportId)).Select(e => e.Id).ToListAsync(ct);
        var documents = agency is null ? await db.Documents.Where(d => units.Contains(d.UnitCode)).Select(d => d.Code).ToListAsync(ct) : [];
        var agencies = await db.Agencies.Where(a => units.Contains(a.UnitCode) && (agency == null || a.Code == agency))
            .Select(a => a.UnitCode + "/" + a.Code).ToListAsync(ct);

        var values = valueIds.Select(i => i.ToString()).ToList();
        var evidence = evidenceIds.Select(i => i.ToString()).ToList();
        var targets = targetIds.Select(i => i.ToString()).ToList();
        var tasks = taskIds.Select(i => i.ToString()).ToList();
        var reports = reportIds.Select(i => i.ToString()).ToList();
        var taskEvidence = taskEvidenceIds.Select(i => i.ToString()).ToList();
        var assignmentKeys = assignments.Select(a => $"{a.UnitCode}/{a.IndicatorCode}").ToList();
        var unitKeys = agency is null ? units : [];
        var narrativePrefixes = agency is null ? units.Select(u => u + "/").ToList() : [];
        var includePeriods = agency is null;
        return a => ((a.Entity == "value" || a.Entity == "ReportedValue") && values.Contains(a.EntityKey))
                    || ((a.Entity == "evidence" || a.Entity == "Evidence") && evidence.Contains(a.EntityKey))
                    || ((a.Entity == "target" || a.Entity == "Target") && targets.Contains(a.EntityKey))
                    || ((a.Entity == "task" || a.Entity == "PlanTask") && tasks.Contains(a.EntityKey))
                    || ((a.Entity == "task_report" || a.Entity == "TaskProgressReport") && reports.Contains(a.EntityKey))
                    || ((a.Entity == "task_evidence" || a.Entity == "TaskEvidence") && taskEvidence.Contains(a.EntityKey))
                    || ((a.Entity == "assignment" || a.Entity == "Assignment") && assignmentKeys.Contains(a.EntityKey))
                    || ((a.Entity == "document" || a.Entity == "PolicyDocument") && documents.Contains(a.EntityKey))
                    || ((a.Entity == "agency" || a.Entity == "Agency") && agencies.Contains(a.EntityKey))
                    || ((a.Entity == "unit" || a.Entity == "AdministrativeUnit") && unitKeys.Contains(a.EntityKey))
                    || ((a.Entity == "narrative" || a.Entity == "ReportNarrative") && narrativePrefixes.Any(p => a.EntityKey.StartsWith(p)))
                    || (a.Entity == "unit_period" && narrativePrefixes.Any(p => a.EntityKey.StartsWith(p)))
                    || (includePeriods && (a.Entity == "period" || a.Entity == "ReportingPeriod"));
    }
}
