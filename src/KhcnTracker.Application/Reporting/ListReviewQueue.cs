using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>The target a figure under review is measured against: the province's nearest target year at or after the period.</summary>
public sealed record ReviewTarget(int Year, Comparator Comparator, decimal? Value, decimal? ValueMax, GrowthView? Growth);

/// <summary>
/// A submitted value as the reviewer weighs it: who reports it (the agency), the indicator in both languages with its
/// measure, its target, the previous approved revision of the same period (none: the first value) and the change from
/// it in per cent (none when the old figure is 0), the staff's comment (<see cref="ValueView.Note"/>) and the evidence.
/// </summary>
public sealed record ReviewRow(
    ValueView Value, string Agency, string AgencyNameVi, string AgencyNameEn, string IndicatorNameEn, Measure Measure, int Decimals,
    ReviewTarget? Target, int? PreviousRevision, decimal? PreviousValue, decimal? ChangePercent, IReadOnlyList<EvidenceView> Evidence)
{
    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/> in per cent, when both are known and the old one is not 0.</summary>
    public static decimal? Change(decimal? previous, decimal? current) =>
        previous is { } old && current is { } now && old != 0 ? Math.Round((now - old) / Math.Abs(old) * 100, 2) : null;
}

/// <summary>
/// The reviewer's list: the latest revision of every value waiting for review (submitted) in the provinces the caller
/// reviews, with its context, ordered by province, agency, period and indicator. Nobody else has such a list.
/// </summary>
public sealed class ListReviewQueue(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<ReviewRow>> HandleAsync(string? unit = null, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        if (unit is not null) user.EnsureCanReview(unit);
        var units = unit is not null ? [unit]
            : user.Grants.Select(g => g.UnitCode).OfType<string>().Distinct().Where(user.CanReview).ToList();
        if (units.Count == 0) return [];
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await (
            from v in db.Values.AsNoTracking()
            where units.Contains(v.UnitCode) && v.Status == ValueStatus.Submitted
                  && !db.Values.Any(newer => newer.UnitCode == v.UnitCode && newer.IndicatorCode == v.IndicatorCode
                                             && newer.PeriodCode == v.PeriodCode && newer.Revision > v.Revision)
            join i in db.Indicators on v.IndicatorCode equals i.Code
            select new
            {
                Value = v, i.NameVi, i.NameEn, i.Measure, i.Decimals,
                Previous = db.Values
                    .Where(p => p.UnitCode == v.UnitCode && p.IndicatorCode == v.IndicatorCode && p.PeriodCode == v.PeriodCode
                                && p.Status == ValueStatus.Approved && p.Revision < v.Revision)
                    .OrderByDescending(p => p.Revision).Select(p => new { p.Revision, p.Value }).FirstOrDefault(),
            }).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var indicators = rows.Select(r => r.Value.IndicatorCode).Distinct().ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => units.Contains(a.UnitCode) && indicators.Contains(a.IndicatorCode))
            .ToDictionaryAsync(a => (a.UnitCode, a.IndicatorCode), a => a.AgencyCode, ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => units.Contains(a.UnitCode))
            .ToDictionaryAsync(a => (a.UnitCode, a.Code), a => (a.NameVi, a.NameEn), ct);
        var targets = (await db.Targets.AsNoTracking()
                .Where(t => units.Contains(t.UnitCode) && indicators.Contains(t.IndicatorCode) && !t.IsRetired).ToListAsync(ct))
            .ToLookup(t => (t.UnitCode, t.IndicatorCode));
        var ids = rows.Select(r => r.Value.Id).ToList();
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ValueId)).OrderBy(e => e.UploadedAt).ToListAsync(ct))
            .ToLookup(e => e.ValueId, e => new EvidenceView(e.Id, e.ValueId, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt));

        return rows.Select(r =>
            {
                var v = r.Value;
                var agency = assignments.GetValueOrDefault((v.UnitCode, v.IndicatorCode)) ?? "";
                var (agencyVi, agencyEn) = agencies.TryGetValue((v.UnitCode, agency), out var names) ? names : (agency, agency);
                var target = TargetFor(targets[(v.UnitCode, v.IndicatorCode)], ReportingPeriod.Parse(v.PeriodCode).Year);
                return new ReviewRow(ValueMapping.ToView(v, r.NameVi), agency, agencyVi, agencyEn, r.NameEn, r.Measure, r.Decimals, target,
                    r.Previous?.Revision, r.Previous?.Value, ReviewRow.Change(r.Previous?.Value, v.Value), [.. evidence[v.Id]]);
            })
            .OrderBy(r => r.Value.Unit, StringComparer.Ordinal).ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ThenBy(r => r.Value.Period, StringComparer.Ordinal).ThenBy(r => r.Value.IndicatorNameVi, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The target of the first year at or after the period's (the one still to reach), else the latest one.</summary>
    private static ReviewTarget? TargetFor(IEnumerable<Target> targets, int year)
    {
        var list = targets.ToList();
        var target = list.Where(t => t.Year >= year).MinBy(t => t.Year) ?? list.MaxBy(t => t.Year);
        return target is null ? null : new ReviewTarget(target.Year, target.Comparator, target.Value, target.ValueMax,
            target.GrowthMode is { } mode && target.GrowthFromYear is { } from && target.GrowthToYear is { } to
                ? new GrowthView(CatalogueWords.Growth.Format(mode), from, to) : null);
    }
}
