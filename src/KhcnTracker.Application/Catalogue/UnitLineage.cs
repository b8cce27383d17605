namespace KhcnTracker.Application.Catalogue;

/// <summary>Follows the 2025 mergers both ways: which former units a unit absorbed, and who reports for a former unit now.</summary>
public sealed class UnitLineage(IReadOnlyCollection<AdministrativeUnit> units)
{
    private readonly Dictionary<string, AdministrativeUnit> _byCode = units.ToDictionary(u => u.Code);

    public AdministrativeUnit? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The unit and every unit merged into it, directly or through another merger.</summary>
    public IReadOnlyList<string> WithPredecessors(string code)
    {
        var result = new List<string> { code };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(units.Where(u => u.SuccessorCode == result[i] && !result.Contains(u.Code)).Select(u => u.Code));
        return result;
    }

    /// <summary>
    /// The unit that carries a former unit on after every recorded merger (itself if it was never merged); an unknown code
    /// is not found. No clock: a merger is recorded once it is decided, and from then on its successor speaks for it.
    /// </summary>
    public AdministrativeUnit Current(string code)
    {
        if (!_byCode.ContainsKey(code)) throw new Common.NotFoundException("not-found.unit", code);
        return _byCode[AdministrativeUnit.ReportingUnitFor(code, DateOnly.MaxValue, _byCode)];
    }

    /// <summary>The unit, then the unit it merged into, and so on to the unit of today.</summary>
    public IReadOnlyList<string> WithSuccessors(string code)
    {
        var result = new List<string> { code };
        while (_byCode.GetValueOrDefault(result[^1])?.SuccessorCode is { } next && !result.Contains(next)) result.Add(next);
        return result;
    }

    /// <summary>The unit that reported a former unit's values for a period starting on <paramref name="date"/>.</summary>
    public string ReportingUnit(string code, DateOnly date) => AdministrativeUnit.ReportingUnitFor(code, date, _byCode);

    /// <summary>Today's provinces: not merged into another.</summary>
    public IEnumerable<AdministrativeUnit> CurrentProvinces() =>
        _byCode.Values.Where(u => u.Level == UnitLevel.Province && u.SuccessorCode is null).OrderBy(u => u.NameVi);

    public static UnitRef Ref(AdministrativeUnit unit) => new(unit.Code, unit.NameVi, unit.NameEn);
}
