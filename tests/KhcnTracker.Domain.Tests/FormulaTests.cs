namespace KhcnTracker.Domain.Tests;

public class FormulaTests
{
    private static decimal? Evaluate(string text, params (string Code, decimal Value)[] inputs) =>
        Formula.Parse(text).Evaluate(inputs.ToDictionary(i => i.Code, i => i.Value)).Value;

    [Fact]
    public void Formula_TheBudgetShareIsExactInDecimals()
    {
        // 330 / 10 000 × 100 = 3.3 exactly; in binary floating point it is 3.3000000000000003.
        Assert.Equal(3.3m, Evaluate("{budget-khcn-dmst-cds-spending} / {budget-total-spending} * 100",
            ("budget-khcn-dmst-cds-spending", 330m), ("budget-total-spending", 10_000m)));
    }

    [Theory]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("100 / 4 / 5", 5)]
    [InlineData("-2 * -3", 6)]
    [InlineData("7 × 3 ÷ 2 − 1", 9.5)]
    [InlineData("1.5 * 2", 3)]
    public void Formula_FollowsTheUsualOrderOfOperations(string text, double expected) =>
        Assert.Equal((decimal)expected, Evaluate(text));

    [Fact]
    public void Formula_ListsEachInputOnceInOrderOfAppearance() =>
        Assert.Equal(["b", "a"], Formula.Parse("({b} - {a}) / {a}").Inputs);

    [Fact]
    public void Formula_ADivisionByZeroGivesNoValueAndSaysWhy()
    {
        var result = Formula.Parse("{a} / {b} * 100").Evaluate(new Dictionary<string, decimal> { ["a"] = 5m, ["b"] = 0m });

        Assert.Null(result.Value);
        Assert.Equal(FormulaProblem.DivisionByZero, result.Problem);
    }

    [Theory]
    [InlineData("{a} +")]
    [InlineData("({a} / {b}")]
    [InlineData("{a} / {b})")]
    [InlineData("{A-Upper} * 2")]
    [InlineData("{a} ^ 2")]
    [InlineData("{a")]
    [InlineData("sqrt({a})")]
    [InlineData("")]
    public void Formula_TextOutsideTheGrammarIsRefused(string text)
    {
        var refused = Assert.Throws<DomainException>(() => Formula.Parse(text));
        Assert.Equal("indicator.formula-invalid", refused.Code);
    }

    [Fact]
    public void Indicator_AFormulaOutsideTheGrammarIsRefusedWhenSaved()
    {
        var refused = Assert.Throws<DomainException>(() => new Indicator("share", Samples.IndicatorDetails(formula: "{a} // {b}")));
        Assert.Equal("indicator.formula-invalid", refused.Code);
    }
}
