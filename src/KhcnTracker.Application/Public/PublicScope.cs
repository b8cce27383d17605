using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Public;

/// <summary>What the open pages of a province of today may show: the province, its former units, its published indicators.</summary>
internal sealed record PublicScope(IReadOnlyList<AdministrativeUnit> Units, UnitLineage Lineage, AdministrativeUnit Unit,
    IReadOnlyList<string> UnitCodes, IReadOnlyList<string> Published)
{
    public static async Task<IReadOnlyList<AdministrativeUnit>> UnitsAsync(IAppDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.NameVi).ToListAsync(ct);

    /// <summary>A province of today, or not found (a former unit's figures are on its successor's pages).</summary>
    public static async Task<PublicScope> LoadAsync(IAppDbContext db, string unitCode, CancellationToken ct)
    {
        var units = await UnitsAsync(db, ct);
        var lineage = new UnitLineage(units);
        var unit = lineage.Find(unitCode) is { Level: UnitLevel.Province, SuccessorCode: null } found ? found
            : throw new NotFoundException("not-found.unit", unitCode);
        var published = await db.Publications.AsNoTracking().Where(p => p.UnitCode == unitCode).Select(p => p.IndicatorCode).ToListAsync(ct);
        return new PublicScope(units, lineage, unit, lineage.WithPredecessors(unitCode), published);
    }

    /// <summary>When the latest approved revision of each (unit, indicator, period) was approved.</summary>
    public static async Task<Dictionary<(string, string, string), DateTimeOffset?>> ApprovalsAsync(IAppDbContext db,
        IReadOnlyList<string> unitCodes, IReadOnlyList<string> codes, CancellationToken ct) =>
        (await db.Values.AsNoTracking()
            .Where(v => v.Status == Domain.Reporting.ValueStatus.Approved && unitCodes.Contains(v.UnitCode) && codes.Contains(v.IndicatorCode))
            .Select(v => new { v.UnitCode, v.IndicatorCode, v.PeriodCode, v.Revision, v.ReviewedAt }).ToListAsync(ct))
        .GroupBy(v => (v.UnitCode, v.IndicatorCode, v.PeriodCode)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Revision)!.ReviewedAt);
}
