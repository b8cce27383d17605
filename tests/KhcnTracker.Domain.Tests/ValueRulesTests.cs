using System.Globalization;
using static KhcnTracker.Domain.Tests.SampleIndicators;

namespace KhcnTracker.Domain.Tests;

/// <summary>What a reported value may be for its indicator, through <see cref="ValueRules.Check"/>.</summary>
public sealed class ValueRulesTests
{
    private static readonly Indicator Money = Samples.Indicator(Measure.Money, code: "rd-budget");
    private static readonly Indicator Index = Samples.Indicator(Measure.Index, code: "innovation-index");

    private static Indicator WithDecimals(int decimals) =>
        new("digital-economy-grdp-share", Samples.IndicatorDetails(Measure.Percent) with { Decimals = decimals });

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static void AssertRefused(string code, Indicator indicator, decimal value) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => ValueRules.Check(indicator, value)).Code);

    // ---- percent

    [Theory]
    [InlineData("0")]
    [InlineData("42.5")]
    [InlineData("100")]
    public void ValueRules_AcceptAPercentFrom0To100(string value) => ValueRules.Check(Percent, D(value));

    [Fact]
    public void ValueRules_RefuseAPercentOver100() => AssertRefused("value.percent-over-100", Percent, 100.5m);

    [Fact]
    public void ValueRules_AcceptAPercentOver100WhenTheIndicatorAllowsIt() => ValueRules.Check(PercentOver100, 100.5m);

    [Fact]
    public void ValueRules_RefuseANegativePercent() => AssertRefused("value.percent-negative", Percent, -1m);

    [Fact]
    public void ValueRules_RefuseANegativePercentEvenWhenOver100IsAllowed() => AssertRefused("value.percent-negative", PercentOver100, -1m);

    // ---- count, rank, milestone: whole numbers, each with its floor (and a milestone's ceiling)

    private static Indicator Whole(string measure) => measure switch
    {
        "count" => Count,
        "rank" => Rank,
        _ => Milestone,
    };

    [Theory]
    [InlineData("count", "0")]
    [InlineData("count", "3")]
    [InlineData("count", "3.0")]
    [InlineData("rank", "1")]
    [InlineData("rank", "63")]
    [InlineData("milestone", "0")] // not reached
    [InlineData("milestone", "1")] // reached
    public void ValueRules_AcceptAWholeNumberInItsMeasuresRange(string measure, string value) => ValueRules.Check(Whole(measure), D(value));

    [Theory]
    [InlineData("count", "2.5", "value.count-invalid")] // a count is a whole number of zero or more
    [InlineData("count", "-1", "value.count-invalid")]
    [InlineData("rank", "0", "value.rank-invalid")] // a rank is a whole number of one or more
    [InlineData("rank", "-2", "value.rank-invalid")]
    [InlineData("rank", "1.5", "value.rank-invalid")]
    [InlineData("milestone", "2", "value.milestone-invalid")] // a milestone is 0 or 1
    [InlineData("milestone", "-1", "value.milestone-invalid")]
    [InlineData("milestone", "0.5", "value.milestone-invalid")]
    public void ValueRules_RefuseAValueOutsideItsMeasuresRange(string measure, string value, string rule) =>
        AssertRefused(rule, Whole(measure), D(value));

    // ---- decimals

    [Fact]
    public void ValueRules_RefuseMoreDecimalsThanTheIndicatorTakes() =>
        AssertRefused("value.too-many-decimals", Percent, 12.34m);

    [Fact]
    public void ValueRules_AcceptAsManyDecimalsAsTheIndicatorTakes() => ValueRules.Check(Percent, 12.3m);

    [Fact]
    public void ValueRules_AcceptTrailingZerosBeyondTheIndicatorsDecimals() => ValueRules.Check(Percent, 12.300m);

    [Fact]
    public void ValueRules_RefuseADecimalOnAnIndicatorWithoutDecimals() =>
        AssertRefused("value.too-many-decimals", WithDecimals(0), 12.5m);

    [Theory]
    [InlineData(0, "12")]
    [InlineData(2, "12.34")]
    [InlineData(4, "12.3456")]
    public void ValueRules_AcceptExactlyTheIndicatorsDecimals(int decimals, string value) =>
        ValueRules.Check(WithDecimals(decimals), D(value));

    [Theory]
    [InlineData(2, "12.345")]
    [InlineData(4, "12.34567")]
    public void ValueRules_RefuseOneDecimalMoreThanTheIndicatorTakes(int decimals, string value) =>
        AssertRefused("value.too-many-decimals", WithDecimals(decimals), D(value));

    // ---- money and other non-negative measures

    [Fact]
    public void ValueRules_RefuseNegativeMoney() => AssertRefused("value.value-negative", Money, -1m);

    [Fact]
    public void ValueRules_AcceptMoney() => ValueRules.Check(Money, 1500.5m);

    [Fact]
    public void ValueRules_RefuseANegativeValuePer10000() => AssertRefused("value.value-negative", Per10000, -0.1m);

    [Fact]
    public void ValueRules_RefuseANegativeIndex() => AssertRefused("value.value-negative", Index, -0.1m);
}
