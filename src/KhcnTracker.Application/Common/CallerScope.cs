namespace KhcnTracker.Application.Common;

/// <summary>
/// The caller's reach over the provinces, following the 2025 mergers: a grant for a province of today covers the units
/// merged into it (<see cref="Domain.Access.RoleGrant.Covers"/>). Built from the caller's grants and the unit lineage once
/// per request or circuit (<see cref="CallerScopes"/>); the progress pages, the task list, the values list, the exports
/// and the periodic report ask it, never the grants.
/// </summary>
public sealed class CallerScope
{
    private readonly HashSet<string> _readable;

    internal CallerScope(ICurrentUser user, IReadOnlyCollection<AdministrativeUnit> units)
    {
        var lineage = Lineage = new UnitLineage(units);
        Units = units.ToList();
        // Each grant's reach is worked out once (its province and the units merged into it), then every unit asks it.
        var reach = new Dictionary<string, HashSet<string>>();
        IEnumerable<string> WithPredecessors(string code) =>
            reach.TryGetValue(code, out var known) ? known : reach[code] = lineage.WithPredecessors(code).ToHashSet();
        _readable = user.IsAuthenticated
            ? Units.Select(u => u.Code).Where(code => user.Grants.Any(g => g.Covers(code, WithPredecessors))).ToHashSet()
            : [];
        ReadableUnits = Units.Select(u => u.Code).Where(_readable.Contains).ToList();
        ReadableUnitCodes = ReadableUnits.Count == Units.Count && user.Grants.Any(g => g.UnitCode is null) ? null : ReadableUnits;
        Provinces = Units.Where(u => u is { Level: UnitLevel.Province, SuccessorCode: null } && _readable.Contains(u.Code)).ToList();
        OwnProvince = user.Grants.Select(g => g.UnitCode).FirstOrDefault(c => c is not null && Provinces.Any(p => p.Code == c));
    }

    /// <summary>
    /// The caller's scope over every unit on record (one query), in the catalogue's order (by name, as the database sorts
    /// it). Use cases take it from <see cref="CallerScopes"/>, which builds it once per request or circuit.
    /// </summary>
    public static async Task<CallerScope> LoadAsync(IAppDbContext db, ICurrentUser user, CancellationToken ct)
    {
        return new CallerScope(user, await db.Units.AsNoTracking().OrderBy(u => u.Level).ThenBy(u => u.NameVi).ThenBy(u => u.Code).ToListAsync(ct));
    }

    public UnitLineage Lineage { get; }

    /// <summary>Every unit on record, former ones too.</summary>
    public IReadOnlyList<AdministrativeUnit> Units { get; }

    /// <summary>Every unit whose figures the caller reads (a former unit through the province that absorbed it).</summary>
    public IReadOnlyList<string> ReadableUnits { get; }

    /// <summary>
    /// <see cref="ReadableUnits"/> as a query's <c>WHERE</c>: null when the caller reads every unit (a national or unscoped
    /// grant), so the query needs no condition; nobody signed in reads none.
    /// </summary>
    public IReadOnlyList<string>? ReadableUnitCodes { get; }

    /// <summary>Today's provinces the caller reads, in the order of the units given: what the pages' province selectors offer.</summary>
    public IReadOnlyList<AdministrativeUnit> Provinces { get; }

    /// <summary>The province of the caller's own grants, shown first; null for national roles and administrators.</summary>
    public string? OwnProvince { get; }

    /// <summary>True when the caller reads <paramref name="unitCode"/> (an unknown code: false).</summary>
    public bool CanRead(string unitCode) => _readable.Contains(unitCode);

    /// <summary>
    /// A record of a unit as the caller sees it: one of a unit outside their scope answers exactly as a missing one (so ids
    /// cannot be walked to learn which exist).
    /// </summary>
    public T Readable<T>(T? record, Func<T, string> unitOf, string code, params object?[] arguments) where T : class =>
        record is not null && CanRead(unitOf(record)) ? record : throw new NotFoundException(code, arguments);

    /// <summary>Refused unless the caller reads <paramref name="unitCode"/>.</summary>
    public void EnsureCanRead(string unitCode)
    {
        if (!CanRead(unitCode)) throw new AccessDeniedException();
    }

    /// <summary>
    /// The unit asked for with the units merged into it. An unknown unit is not found; one outside the caller's scope is
    /// refused (the unit's name is public: the catalogue lists every province).
    /// </summary>
    public IReadOnlyList<string> Require(string unitCode)
    {
        if (Lineage.Find(unitCode) is null) throw new NotFoundException("not-found.unit", unitCode);
        if (!CanRead(unitCode)) throw new AccessDeniedException();
        return Lineage.WithPredecessors(unitCode);
    }

    /// <summary>
    /// <see cref="Require"/>, then every name those units bore later: the codes under which the province's rows may have
    /// been recorded (a former unit's values were reported by the unit it merged into).
    /// </summary>
    public IReadOnlyList<string> RequireWithSuccessors(string unitCode) =>
        Require(unitCode).SelectMany(Lineage.WithSuccessors).Distinct().ToList();
}
