namespace KhcnTracker.Domain.Tests;

public class IndicatorTests
{
    [Fact]
    public void Indicator_KeepsTheDirectionItWasGiven()
    {
        var indicator = new Indicator("unemployment", Samples.IndicatorDetails(Measure.Percent, direction: Direction.LowerIsBetter));

        Assert.Equal(Direction.LowerIsBetter, indicator.Direction);
    }

    [Fact]
    public void Indicator_ARankIsAlwaysLowerIsBetter()
    {
        var indicator = new Indicator("pci-rank", Samples.IndicatorDetails(Measure.Rank, direction: Direction.HigherIsBetter));

        Assert.Equal(Direction.LowerIsBetter, indicator.Direction);
    }

    [Fact]
    public void Indicator_ReadsFormulaInputsInOrderOfAppearance()
    {
        var indicator = new Indicator("rd-share", Samples.IndicatorDetails(formula: "{a} / {b} * 100"));

        Assert.True(indicator.IsComputed);
        Assert.Equal(["a", "b"], indicator.FormulaInputs());
    }

    [Fact]
    public void Indicator_ListsAFormulaInputUsedTwiceOnlyOnce()
    {
        var indicator = new Indicator("growth", Samples.IndicatorDetails(formula: "({grdp-2030} - {grdp-2025}) / {grdp-2025}"));

        Assert.Equal(["grdp-2030", "grdp-2025"], indicator.FormulaInputs());
    }

    [Fact]
    public void Indicator_WithoutFormulaIsTypedAndHasNoInputs()
    {
        var indicator = new Indicator("patents", Samples.IndicatorDetails(Measure.Count, formula: "   "));

        Assert.False(indicator.IsComputed);
        Assert.Null(indicator.Formula);
        Assert.Empty(indicator.FormulaInputs());
    }

    [Fact]
    public void Indicator_RefusesAFormulaThatUsesItself()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Indicator("rd-share", Samples.IndicatorDetails(formula: "{rd-share} / {b}")));
        Assert.Equal("indicator.formula-self-reference", error.Code);
    }

    [Fact]
    public void Indicator_RefusesOver100OnANonPercentIndicator()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Indicator("patents", Samples.IndicatorDetails(Measure.Count, allowsOver100: true)));
        Assert.Equal("indicator.over100-not-percent", error.Code);
    }

    [Fact]
    public void Indicator_AllowsOver100OnAPercentIndicator() =>
        Assert.True(new Indicator("rd-growth", Samples.IndicatorDetails(Measure.Percent, allowsOver100: true)).AllowsOver100);

    [Fact]
    public void Indicator_RefusesNoArea()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Indicator("patents", Samples.IndicatorDetails(Measure.Count, areas: IndicatorAreas.None)));
        Assert.Equal("indicator.area-missing", error.Code);
    }

    [Fact]
    public void Indicator_BelongsToSeveralAreas()
    {
        var indicator = new Indicator("patents", Samples.IndicatorDetails(Measure.Count, areas: IndicatorAreas.Khcn | IndicatorAreas.Dmst));

        Assert.True(indicator.Areas.HasFlag(IndicatorAreas.Khcn));
        Assert.True(indicator.Areas.HasFlag(IndicatorAreas.Dmst));
        Assert.False(indicator.Areas.HasFlag(IndicatorAreas.Cds));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Indicator.MaxDecimals + 1)]
    public void Indicator_RefusesDecimalsOutOfRange(int decimals)
    {
        var error = Assert.Throws<DomainException>(() =>
            new Indicator("patents", Samples.IndicatorDetails() with { Decimals = decimals }));
        Assert.Equal("indicator.decimals-out-of-range", error.Code);
    }

    [Fact]
    public void Indicator_IsFoundByNameWithoutDiacriticsAndByCode()
    {
        var indicator = Samples.Indicator();

        Assert.Contains("ty trong kinh te so", indicator.SearchText);
        Assert.Contains("digital-economy-grdp-share", indicator.SearchText);
    }

    [Fact]
    public void Indicator_EditMarksItEditedByUserAndBlocksRefresh()
    {
        var indicator = Samples.Indicator();

        indicator.Edit(Samples.IndicatorDetails() with { NameVi = "Kinh tế số / GRDP" }, indicator.Band);
        var refreshed = indicator.RefreshFromCatalogue(Samples.IndicatorDetails() with { NameVi = "Tên từ tệp dữ liệu" });

        Assert.True(indicator.EditedByUser);
        Assert.False(refreshed);
        Assert.Equal("Kinh tế số / GRDP", indicator.NameVi);
    }

    [Fact]
    public void Indicator_RefreshUpdatesAnUneditedIndicator()
    {
        var indicator = Samples.Indicator();

        var refreshed = indicator.RefreshFromCatalogue(Samples.IndicatorDetails() with { NameVi = "Tên mới" });

        Assert.True(refreshed);
        Assert.Equal("Tên mới", indicator.NameVi);
        Assert.False(indicator.EditedByUser);
    }
}
