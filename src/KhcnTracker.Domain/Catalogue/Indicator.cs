namespace KhcnTracker.Domain.Catalogue;

/// <summary>The three areas of Resolution 57: science and technology, innovation, digital transformation.</summary>
[Flags]
public enum IndicatorAreas { None = 0, Khcn = 1, Dmst = 2, Cds = 4 }

public enum Measure { Percent, Count, Rank, Per10000, Index, Money, Milestone }

/// <summary>Whether a higher or a lower value is better (a band is a target's comparator, not a direction).</summary>
public enum Direction { HigherIsBetter, LowerIsBetter }

public sealed class Indicator : CatalogueRecord
{
    public const int MaxDecimals = 4;
    public const int MaxNameLength = 500;
    public const int MaxDefinitionLength = 4000;
    public const int MaxFormulaLength = 500;
    public const int MaxSearchTextLength = MaxNameLength * 2 + Slug.MaxLength + 2;

    public string Code { get; private set; } = null!;
    public string NameVi { get; private set; } = null!;
    public string NameEn { get; private set; } = null!;
    public IndicatorAreas Areas { get; private set; }
    public Measure Measure { get; private set; }
    public Direction Direction { get; private set; }
    public int Decimals { get; private set; }
    public bool AllowsOver100 { get; private set; }
    /// <summary>Also reported at the six-month review (sơ kết 6 tháng); every indicator is reported yearly.</summary>
    public bool ReportsHalfYearly { get; private set; }
    public string? DefinitionVi { get; private set; }
    public string? DefinitionEn { get; private set; }
    /// <summary>An expression over other indicators' codes in braces; a formula indicator is computed, never typed.</summary>
    public string? Formula { get; private set; }
    public string SearchText { get; private set; } = null!;
    /// <summary>The band a new figure is expected in (<see cref="Band"/>); outside it the person is warned, not refused.</summary>
    public decimal? ExpectedMin { get; private set; }
    public decimal? ExpectedMax { get; private set; }
    /// <summary>The largest change from the last approved figure, in percent; null: <see cref="PlausibilityBand.DefaultJumpPercent"/>.</summary>
    public int? JumpWarningPercent { get; private set; }
    public uint Version { get; private set; }

    private Indicator() { }

    public Indicator(string code, IndicatorDetails details, PlausibilityBand? band = null)
    {
        Code = Slug.Require(code, "indicator");
        Apply(details);
        SetBand(band ?? PlausibilityBand.None);
    }

    public bool IsComputed => Formula is not null;

    public PlausibilityBand Band => new(ExpectedMin, ExpectedMax, JumpWarningPercent);

    /// <summary>
    /// A person's edit of everything they see in the dialog. The band is asked for on purpose (no default): an edit that
    /// forgot it would clear it. The shipped catalogue's refresh leaves the band alone.
    /// </summary>
    public void Edit(IndicatorDetails details, PlausibilityBand band)
    {
        band = PlausibilityBand.Of(band.ExpectedMin, band.ExpectedMax, band.JumpWarningPercent);
        Apply(details);
        SetBand(band);
        MarkEdited();
    }

    private void SetBand(PlausibilityBand band) =>
        (ExpectedMin, ExpectedMax, JumpWarningPercent) = (band.ExpectedMin, band.ExpectedMax, band.JumpWarningPercent);

    public bool RefreshFromCatalogue(IndicatorDetails details)
    {
        if (EditedByUser) return false;
        Apply(details);
        return true;
    }

    /// <summary>The indicator codes a formula reads, in order of appearance.</summary>
    public IReadOnlyList<string> FormulaInputs() => Formula is null ? [] : Catalogue.Formula.Parse(Formula).Inputs;

    private void Apply(IndicatorDetails d)
    {
        if (d.Areas == IndicatorAreas.None)
            throw new DomainException("indicator.area-missing", "An indicator belongs to at least one area (KHCN, ĐMST, CĐS).");
        if (d.Decimals is < 0 or > MaxDecimals)
            throw new DomainException("indicator.decimals-out-of-range", $"Decimals must be between 0 and {MaxDecimals}.");
        if (d.AllowsOver100 && d.Measure != Measure.Percent)
            throw new DomainException("indicator.over100-not-percent", "Only a percent indicator can allow values over 100.");
        var nameVi = AdministrativeUnit.RequireText(d.NameVi, "indicator.name-missing", MaxNameLength);
        var nameEn = AdministrativeUnit.RequireText(d.NameEn, "indicator.name-missing", MaxNameLength);
        var formula = string.IsNullOrWhiteSpace(d.Formula) ? null : Catalogue.Formula.Parse(TextLimits.Bounded(d.Formula, MaxFormulaLength)!).Text;
        var definitionVi = TextLimits.Bounded(d.DefinitionVi, MaxDefinitionLength);
        var definitionEn = TextLimits.Bounded(d.DefinitionEn, MaxDefinitionLength);
        if (formula is not null && Catalogue.Formula.Parse(formula).Inputs.Contains(Code))
            throw new DomainException("indicator.formula-self-reference", "A formula cannot use its own indicator.");
        // Every rule is checked before anything changes: a refused edit leaves the indicator as it was.
        NameVi = nameVi;
        NameEn = nameEn;
        Areas = d.Areas;
        Measure = d.Measure;
        Direction = d.Measure == Measure.Rank ? Direction.LowerIsBetter : d.Direction;
        Decimals = d.Decimals;
        AllowsOver100 = d.AllowsOver100;
        ReportsHalfYearly = d.ReportsHalfYearly;
        DefinitionVi = definitionVi;
        DefinitionEn = definitionEn;
        Formula = formula;
        SearchText = Common.SearchText.Fold(NameVi, NameEn, Code);
    }
}

public sealed record IndicatorDetails(
    string NameVi, string NameEn, IndicatorAreas Areas, Measure Measure, Direction Direction, int Decimals,
    bool AllowsOver100, string? DefinitionVi, string? DefinitionEn, string? Formula, bool ReportsHalfYearly = false);
