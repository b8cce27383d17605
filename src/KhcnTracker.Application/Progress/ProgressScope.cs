using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Progress;

/// <summary>Which units' progress a caller may see: those whose values they may read, judged by the unit of today.</summary>
internal static class ProgressScope
{
    public static async Task<IReadOnlyList<AdministrativeUnit>> UnitsAsync(IAppDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().ToListAsync(ct);

    /// <summary>The unit asked for, if it exists and the caller may read it; a unit of today brings the units merged into it.</summary>
    public static IReadOnlyList<string> Require(ICurrentUser user, UnitLineage lineage, string unitCode)
    {
        if (lineage.Find(unitCode) is null) throw new NotFoundException("not-found.unit", unitCode);
        user.EnsureCanReadValuesOf(lineage.Current(unitCode).Code);
        return lineage.WithPredecessors(unitCode);
    }

    /// <summary>Every unit the caller may read (a former unit through the unit that absorbed it).</summary>
    public static IReadOnlyList<string> Readable(ICurrentUser user, IEnumerable<AdministrativeUnit> units, UnitLineage lineage) =>
        units.Where(u => user.CanReadValuesOf(lineage.Current(u.Code).Code)).Select(u => u.Code).ToList();
}
