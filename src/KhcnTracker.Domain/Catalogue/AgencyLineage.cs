namespace KhcnTracker.Domain.Catalogue;

/// <summary>Follows agency mergers: the department that carries a former department's work on a given date.</summary>
public static class AgencyLineage
{
    public static (string UnitCode, string Code) CurrentFor(string unitCode, string code, DateOnly date,
        IReadOnlyDictionary<(string UnitCode, string Code), Agency> agencies)
    {
        var key = (unitCode, code);
        var seen = new HashSet<(string, string)> { key };
        while (agencies.TryGetValue(key, out var agency)
               && agency is { SuccessorUnitCode: { } nextUnit, SuccessorCode: { } next }
               && (agency.MergedOn is null || agency.MergedOn <= date)
               && seen.Add((nextUnit, next)))
            key = (nextUnit, next);
        return key;
    }
}
