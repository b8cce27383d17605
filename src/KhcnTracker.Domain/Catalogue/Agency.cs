namespace KhcnTracker.Domain.Catalogue;

/// <summary>A department (sở, ban, ngành) of a unit, kept as the documents named it, linked to its successor after a merger.</summary>
public sealed class Agency
{
    public const int MaxNameLength = 300;
    /// <summary>Both names and the code folded (folding never lengthens a text) and two spaces.</summary>
    public const int MaxSearchTextLength = MaxNameLength * 2 + Slug.MaxLength + 2;

    public string UnitCode { get; private set; } = null!;
    public string Code { get; private set; } = null!;
    public string NameVi { get; private set; } = null!;
    public string NameEn { get; private set; } = null!;
    public string? SuccessorUnitCode { get; private set; }
    public string? SuccessorCode { get; private set; }
    public DateOnly? MergedOn { get; private set; }
    public bool ToBeConfirmed { get; private set; }
    public string SearchText { get; private set; } = null!;

    private Agency() { }

    public Agency(string unitCode, string code, string nameVi, string nameEn,
        string? successorUnitCode, string? successorCode, DateOnly? mergedOn, bool toBeConfirmed)
    {
        UnitCode = Slug.Require(unitCode, "unit");
        Code = Slug.Require(code, "agency");
        NameVi = AdministrativeUnit.RequireText(nameVi, "agency.name-missing", MaxNameLength);
        NameEn = AdministrativeUnit.RequireText(nameEn, "agency.name-missing", MaxNameLength);
        if ((successorCode is null) != (successorUnitCode is null))
            throw new DomainException("agency.successor-incomplete", $"Agency '{unitCode}/{code}': successor needs both unit and code.", unitCode, code);
        if ((successorCode is null) != (mergedOn is null))
            throw new DomainException("agency.merger-date-missing", $"Agency '{unitCode}/{code}' needs both a successor and a merger date, or neither.", unitCode, code);
        SuccessorUnitCode = successorUnitCode;
        SuccessorCode = successorCode;
        MergedOn = mergedOn;
        ToBeConfirmed = toBeConfirmed;
        SearchText = Common.SearchText.Fold(NameVi, NameEn, Code);
    }

    /// <summary>An administrator has checked the successor against the province's decision: it is no longer "to be confirmed".</summary>
    public void ConfirmSuccessor()
    {
        if (SuccessorCode is null)
            throw new DomainException("agency.no-successor", "This agency was not merged into another: there is no successor to confirm.");
        ToBeConfirmed = false;
    }
}
