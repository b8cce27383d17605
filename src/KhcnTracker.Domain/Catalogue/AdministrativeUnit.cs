namespace KhcnTracker.Domain.Catalogue;

public enum UnitLevel { Country, Province }

/// <summary>
/// A province (or the country) with effective-dated lineage: on <see cref="MergedOn"/> it became part of
/// <see cref="SuccessorCode"/>. History is never rewritten: its targets stay attached to it.
/// </summary>
public sealed class AdministrativeUnit
{
    public const int MaxNameLength = 200;
    /// <summary>Both names folded (folding never lengthens a text) and a space.</summary>
    public const int MaxSearchTextLength = MaxNameLength * 2 + 1;

    public string Code { get; private set; } = null!;
    public string NameVi { get; private set; } = null!;
    public string NameEn { get; private set; } = null!;
    public UnitLevel Level { get; private set; }
    public string? SuccessorCode { get; private set; }
    public DateOnly? MergedOn { get; private set; }
    /// <summary>A centrally-run city (thành phố trực thuộc trung ương) rather than a province: official papers say "Thành phố".</summary>
    public bool IsCity { get; private set; }
    /// <summary>The merger was shipped from a compiled list, not the legal text: an administrator confirms it.</summary>
    public bool LineageToBeConfirmed { get; private set; }
    public string SearchText { get; private set; } = null!;

    private AdministrativeUnit() { }

    public AdministrativeUnit(string code, string nameVi, string nameEn, UnitLevel level, string? successorCode, DateOnly? mergedOn,
        bool isCity = false, bool lineageToBeConfirmed = false)
    {
        Code = Slug.Require(code, "unit");
        if ((successorCode is null) != (mergedOn is null))
            throw new DomainException("unit.merger-date-missing", $"Unit '{code}' needs both a successor and a merger date, or neither.", code);
        if (successorCode == code)
            throw new DomainException("unit.self-successor", $"Unit '{code}' cannot succeed itself.", code);
        Rename(nameVi, nameEn);
        Level = level;
        SuccessorCode = successorCode is null ? null : Slug.Require(successorCode, "successor");
        MergedOn = mergedOn;
        IsCity = isCity && level == UnitLevel.Province;
        LineageToBeConfirmed = lineageToBeConfirmed;
    }

    /// <summary>An administrator checked the unit's merger against Resolution 202/2025/QH15 (idempotent).</summary>
    public void ConfirmLineage() => LineageToBeConfirmed = false;

    public void Rename(string nameVi, string nameEn)
    {
        var vi = RequireText(nameVi, "unit.name-missing", MaxNameLength);
        var en = RequireText(nameEn, "unit.name-missing", MaxNameLength);
        (NameVi, NameEn) = (vi, en);
        SearchText = Common.SearchText.Fold(NameVi, NameEn);
    }

    /// <summary>True while the unit still existed on <paramref name="date"/> (it reports for that date itself).</summary>
    public bool ExistsOn(DateOnly date) => MergedOn is null || date < MergedOn;

    /// <summary>The unit that reports values for a period starting on <paramref name="date"/>, following mergers.</summary>
    public static string ReportingUnitFor(string code, DateOnly date, IReadOnlyDictionary<string, AdministrativeUnit> units)
    {
        var current = units[code];
        var seen = new HashSet<string> { code };
        while (!current.ExistsOn(date) && current.SuccessorCode is { } next && seen.Add(next))
            current = units[next];
        return current.Code;
    }

    internal static string RequireText(string? text, string rule, int maxLength) => TextLimits.Required(text, rule, maxLength);
}
