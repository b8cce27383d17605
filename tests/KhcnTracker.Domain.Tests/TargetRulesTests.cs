using static KhcnTracker.Domain.Tests.SampleIndicators;

namespace KhcnTracker.Domain.Tests;

/// <summary>The rules of <see cref="TargetRules"/>, exercised the way the application meets them: through <see cref="Target.Create"/>.</summary>
public class TargetRulesTests
{
    private static readonly PolicyDocument Document2025 = Samples.Document(2025);

    private static Target Create(TargetTerms terms, Indicator? indicator = null) =>
        Target.Create(Document2025, Samples.Unit(), indicator ?? Percent, terms, Samples.Source(), toBeConfirmed: false);

    private static void AssertRefused(string code, TargetTerms terms, Indicator? indicator = null)
    {
        var error = Assert.Throws<DomainException>(() => Create(terms, indicator));
        Assert.Equal(code, error.Code);
    }

    // ---- at least / upper value

    [Fact]
    public void TargetRules_AcceptAnAtLeastTargetWithAValue()
    {
        var target = Create(Samples.Terms(value: 30m, comparator: Comparator.AtLeast, year: 2030));

        Assert.Equal(Comparator.AtLeast, target.Comparator);
        Assert.Equal(30m, target.Value);
        Assert.Null(target.ValueMax);
        Assert.Equal(2030, target.Year);
    }

    [Fact]
    public void TargetRules_RefuseAnUpperValueOnAnAtLeastTarget() =>
        AssertRefused("target.upper-not-allowed", Samples.Terms(value: 30m, comparator: Comparator.AtLeast, valueMax: 40m));

    [Theory]
    [InlineData(Comparator.MoreThan)]
    [InlineData(Comparator.AtMost)]
    [InlineData(Comparator.LessThan)]
    [InlineData(Comparator.EqualTo)]
    public void TargetRules_RefuseAnUpperValueOnAnyComparatorButBetween(Comparator comparator) =>
        AssertRefused("target.upper-not-allowed", Samples.Terms(value: 30m, comparator: comparator, valueMax: 40m));

    [Fact]
    public void TargetRules_RefuseATargetWithoutAValue() =>
        AssertRefused("target.value-missing", Samples.Terms(value: null));

    // ---- band

    [Fact]
    public void TargetRules_AcceptABandWhoseUpperValueIsAboveItsLowerValue()
    {
        var target = Create(Samples.Terms(value: 20m, comparator: Comparator.Between, valueMax: 30m));

        Assert.Equal(20m, target.Value);
        Assert.Equal(30m, target.ValueMax);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(25)]
    public void TargetRules_RefuseABandWhoseUpperValueIsNotAboveItsLowerValue(int max) =>
        AssertRefused("target.band-upper-invalid", Samples.Terms(value: 30m, comparator: Comparator.Between, valueMax: max));

    [Fact]
    public void TargetRules_RefuseABandWithoutAnUpperValue() =>
        AssertRefused("target.band-upper-invalid", Samples.Terms(value: 30m, comparator: Comparator.Between, valueMax: null));

    [Fact]
    public void TargetRules_RefuseABandWhoseUpperPercentIsOver100() =>
        AssertRefused("target.percent-over-100", Samples.Terms(value: 90m, comparator: Comparator.Between, valueMax: 120m));

    // ---- year

    [Fact]
    public void TargetRules_RefuseATargetYearBeforeTheDocumentsYear() =>
        AssertRefused("target.year-before-document", Samples.Terms(year: 2024));

    [Fact]
    public void TargetRules_AcceptATargetForTheDocumentsOwnYear() =>
        Assert.Equal(2025, Create(Samples.Terms(year: 2025)).Year);

    [Fact]
    public void TargetRules_RefuseATargetYearAfter2100() =>
        AssertRefused("target.year-out-of-range", Samples.Terms(year: 2101));

    // ---- percent

    [Fact]
    public void TargetRules_AcceptExactly100Percent() =>
        Assert.Equal(100m, Create(Samples.Terms(value: 100m)).Value);

    [Fact]
    public void TargetRules_RefuseAPercentOver100() =>
        AssertRefused("target.percent-over-100", Samples.Terms(value: 100.5m));

    [Fact]
    public void TargetRules_AcceptAPercentOver100WhenTheIndicatorAllowsIt() =>
        Assert.Equal(150m, Create(Samples.Terms(value: 150m), PercentOver100).Value);

    [Fact]
    public void TargetRules_RefuseANegativePercent() =>
        AssertRefused("target.percent-negative", Samples.Terms(value: -1m));

    [Fact]
    public void TargetRules_AcceptAGrowthOfOver100PercentOnAPercentIndicatorThatCapsAt100()
    {
        var growth = new TargetGrowth(GrowthMode.PercentIncrease, 2021, 2025);

        var target = Create(Samples.Terms(value: 150m, year: 2030, growth: growth), Percent);

        Assert.Equal(150m, target.Value);
        Assert.Equal(growth, target.Growth);
    }

    // ---- counts, ranks, other measures

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void TargetRules_AcceptAWholeCountOfZeroOrMore(int value) =>
        Assert.Equal((decimal)value, Create(Samples.Terms(value: value), Count).Value);

    [Fact]
    public void TargetRules_RefuseANegativeCount() =>
        AssertRefused("target.count-invalid", Samples.Terms(value: -1m), Count);

    [Fact]
    public void TargetRules_RefuseAFractionalCount() =>
        AssertRefused("target.count-invalid", Samples.Terms(value: 2.5m), Count);

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-3")]
    public void TargetRules_RefuseARankThatIsNotAWholeNumberOfOneOrMore(string value) =>
        AssertRefused("target.rank-invalid", Samples.Terms(value: decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), comparator: Comparator.AtMost), Rank);

    [Fact]
    public void TargetRules_RefuseANegativeValuePer10000() =>
        AssertRefused("target.value-negative", Samples.Terms(value: -0.1m), Per10000);

    [Fact]
    public void TargetRules_AcceptAFractionalValuePer10000() =>
        Assert.Equal(12.5m, Create(Samples.Terms(value: 12.5m), Per10000).Value);

    // ---- within top N

    [Fact]
    public void TargetRules_AcceptWithinTopOnARankIndicator()
    {
        var target = Create(Samples.Terms(value: 10m, comparator: Comparator.RankWithinTop), Rank);

        Assert.Equal(Comparator.RankWithinTop, target.Comparator);
        Assert.Equal(10m, target.Value);
    }

    [Fact]
    public void TargetRules_RefuseWithinTopOnANonRankIndicator() =>
        AssertRefused("target.top-needs-rank", Samples.Terms(value: 10m, comparator: Comparator.RankWithinTop), Count);

    // ---- milestones

    [Fact]
    public void TargetRules_AcceptAMilestoneTargetWithoutAValue()
    {
        var target = Create(Samples.Terms(value: null, comparator: Comparator.MilestoneReached), Milestone);

        Assert.Equal(Comparator.MilestoneReached, target.Comparator);
        Assert.Null(target.Value);
    }

    [Fact]
    public void TargetRules_RefuseAMilestoneTargetWithAValue() =>
        AssertRefused("target.milestone-has-value", Samples.Terms(value: 1m, comparator: Comparator.MilestoneReached), Milestone);

    [Fact]
    public void TargetRules_RefuseAMilestoneTargetWithAnUpperValue() =>
        AssertRefused("target.milestone-has-value", Samples.Terms(value: null, comparator: Comparator.MilestoneReached, valueMax: 1m), Milestone);

    [Fact]
    public void TargetRules_RefuseTheMilestoneComparatorOnANonMilestoneIndicator() =>
        AssertRefused("target.milestone-mismatch", Samples.Terms(value: null, comparator: Comparator.MilestoneReached), Percent);

    [Fact]
    public void TargetRules_RefuseANumericComparatorOnAMilestoneIndicator() =>
        AssertRefused("target.milestone-mismatch", Samples.Terms(value: 1m, comparator: Comparator.AtLeast), Milestone);

    // ---- growth

    [Fact]
    public void TargetRules_RefuseAGrowthPeriodEndingInTheTargetYear() =>
        AssertRefused("target.growth-period-invalid",
            Samples.Terms(value: 30m, year: 2030, growth: new TargetGrowth(GrowthMode.PercentIncrease, 2026, 2030)));

    [Fact]
    public void TargetRules_RefuseAGrowthPeriodEndingAfterTheTargetYear() =>
        AssertRefused("target.growth-period-invalid",
            Samples.Terms(value: 30m, year: 2030, growth: new TargetGrowth(GrowthMode.PercentIncrease, 2026, 2031)));

    [Fact]
    public void TargetRules_RefuseAGrowthPeriodThatEndsBeforeItStarts() =>
        AssertRefused("target.growth-period-invalid",
            Samples.Terms(value: 30m, year: 2030, growth: new TargetGrowth(GrowthMode.PercentIncrease, 2025, 2021)));

    [Fact]
    public void TargetRules_AcceptAGrowthPeriodEndingTheYearBeforeTheTarget() =>
        Assert.Equal(2029, Create(Samples.Terms(value: 30m, year: 2030, growth: new TargetGrowth(GrowthMode.PercentIncrease, 2029, 2029))).GrowthToYear);

    [Fact]
    public void TargetRules_AcceptAMultipleGrowth() =>
        Assert.Equal(GrowthMode.Multiple, Create(Samples.Terms(value: 2m, year: 2030, growth: new TargetGrowth(GrowthMode.Multiple, 2025, 2025)), Count).GrowthMode);

    [Fact]
    public void TargetRules_RefuseAMultipleOfZero() =>
        AssertRefused("target.growth-multiple-invalid",
            Samples.Terms(value: 0m, year: 2030, growth: new TargetGrowth(GrowthMode.Multiple, 2025, 2025)), Count);

    // ---- baseline

    [Fact]
    public void TargetRules_AcceptABaselineBeforeTheTargetYear()
    {
        var target = Create(Samples.Terms(value: 30m, year: 2030, baselineYear: 2024, baselineValue: 12.5m));

        Assert.Equal(2024, target.BaselineYear);
        Assert.Equal(12.5m, target.BaselineValue);
    }

    [Fact]
    public void TargetRules_RefuseABaselineYearWithoutAValue() =>
        AssertRefused("target.baseline-incomplete", Samples.Terms(year: 2030, baselineYear: 2024, baselineValue: null));

    [Fact]
    public void TargetRules_RefuseABaselineValueWithoutAYear() =>
        AssertRefused("target.baseline-incomplete", Samples.Terms(year: 2030, baselineYear: null, baselineValue: 12.5m));

    [Theory]
    [InlineData(2030)]
    [InlineData(2031)]
    public void TargetRules_RefuseABaselineThatIsNotBeforeTheTargetYear(int baselineYear) =>
        AssertRefused("target.baseline-after-target", Samples.Terms(year: 2030, baselineYear: baselineYear, baselineValue: 12.5m));
}
