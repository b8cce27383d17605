using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Exports;

/// <summary>Targets, values, tasks and statuses as they stood at a moment, rebuilt from the audit trail (for exports and reports).</summary>
internal static class AsOfData
{
    /// <summary>Now, and the moment asked for (now when none is): a moment in the future is refused.</summary>
    public static (DateTimeOffset Now, DateTimeOffset AsOf) Moment(DateTimeOffset? asked, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var asOf = asked ?? now;
        if (asOf > now)
            throw new CommandRejectedException([new RuleViolation("asOf", "export.as-of-future", "The moment of an export cannot be in the future.")]);
        return (now, asOf);
    }

    public static async Task<Dictionary<string, Indicator>> IndicatorsAsync(IAppDbContext db, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);

    public static async Task<List<ValueState>> ValuesAsync(IAppDbContext db, IReadOnlyList<string> units, DateTimeOffset asOf, CancellationToken ct) =>
        (await History.AsOfAsync<ValueState>(db, "value", asOf, ct)).Values
            .Where(v => units.Contains(v.Unit!))
            .OrderBy(v => v.Unit).ThenBy(v => v.Indicator).ThenBy(v => PeriodPosition.Of(v.Period!)).ThenBy(v => v.Revision).ToList();

    public static async Task<List<TargetState>> TargetsAsync(IAppDbContext db, IReadOnlyList<string> units, DateTimeOffset asOf, CancellationToken ct) =>
        (await History.AsOfAsync<TargetState>(db, "target", asOf, ct)).Values
            .Where(t => units.Contains(t.Unit!)).OrderBy(t => t.Unit).ThenBy(t => t.Year).ThenBy(t => t.Indicator).ThenBy(t => t.Id).ToList();

    public static async Task<List<TaskState>> TasksAsync(IAppDbContext db, IReadOnlyList<string> units, DateTimeOffset asOf, CancellationToken ct) =>
        (await History.AsOfAsync<TaskState>(db, "task", asOf, ct)).Values
            .Where(t => units.Contains(t.Unit!)).OrderBy(t => t.Document).ThenBy(t => t.Number).ToList();

    /// <summary>Statuses as the portal computed them at <paramref name="asOf"/>: the targets and approved values of that moment, judged in its year.</summary>
    public static async Task<List<TargetProgress>> ProgressAsync(IAppDbContext db, IReadOnlyList<AdministrativeUnit> units, IReadOnlyList<string> scope,
        DateTimeOffset asOf, CancellationToken ct)
    {
        var indicators = await IndicatorsAsync(db, ct);
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var byCode = units.ToDictionary(u => u.Code);
        var targets = new List<(int Id, Target Target)>();
        foreach (var s in (await TargetsAsync(db, scope, asOf, ct)).Where(s => !s.IsRetired))
        {
            if (!documents.TryGetValue(s.Document!, out var document) || !indicators.TryGetValue(s.Indicator!, out var indicator)) continue;
            var growth = s.GrowthMode is { } mode ? new TargetGrowth((GrowthMode)mode, s.GrowthFromYear!.Value, s.GrowthToYear!.Value) : null;
            var terms = new TargetTerms(s.Year, (Comparator)s.Comparator, s.Value, s.ValueMax, growth, s.BaselineYear, s.BaselineValue, s.NoteVi);
            targets.Add((s.Id, Target.Create(document, byCode[s.Unit!], indicator, terms, new TargetSource(s.SourceFile, null), s.ToBeConfirmed)));
        }
        var approved = (await ValuesAsync(db, scope, asOf, ct))
            .Where(v => v.Status == (int)ValueStatus.Approved && v.Value is not null)
            .Select(v => new ProgressData.ApprovedRow(v.Unit!, v.Indicator!, v.Period!, v.Revision, v.Value!.Value));
        var data = ProgressData.From(units, VietnamTime.Of(asOf).Year, indicators, targets.Select(t => t.Target).ToList(), approved);
        // Targets rebuilt here carry no database id: the export names them by the id the trail gives.
        return targets.Select(t => data.Evaluate(t.Target) with { TargetId = t.Id }).ToList();
    }
}
