using System.Globalization;
using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Domain.Tests;

/// <summary>
/// The progress engine against statuses worked out by hand (docs/progress.md): every expected status and R below was
/// computed on paper from CAGRᵢ = (yᵢ/y₀)^(1/(tᵢ−t₀)) − 1, CAGR_T = (y_T/y₀)^(1/(t_T−t₀)) − 1, R = d·CAGRᵢ/|CAGR_T|;
/// R ≥ 0.95 on track, ≥ 0.60 needs acceleration, ≥ 0 off track, &lt; 0 regressing. Ratios are compared rounded to 2 places.
/// </summary>
public class ProgressEngineTests
{
    // ---------------------------------------------------------------- helpers

    private static Indicator Ind(Measure measure = Measure.Percent, Direction direction = Direction.HigherIsBetter, string code = "test-indicator") =>
        new(code, Samples.IndicatorDetails(measure, direction: direction));

    private static Target Make(Indicator indicator, TargetTerms terms, int documentYear = 2020, string documentCode = "nq57") =>
        Target.Create(Samples.Document(documentYear, documentCode), Samples.Unit(), indicator, terms, new TargetSource(null, null), false);

    /// <summary>The engine on a target of the indicator with these terms (in a document of that year) and the observations.</summary>
    private static ProgressResult Evaluate(Indicator indicator, TargetTerms terms, IReadOnlyList<Observation> observations,
        int currentYear, int documentYear = 2020) =>
        ProgressEngine.Evaluate(Make(indicator, terms, documentYear), indicator, observations, currentYear);

    private static TargetTerms Terms(Comparator comparator, decimal? value, int year = 2030, decimal? valueMax = null,
        TargetGrowth? growth = null, int? baselineYear = null, decimal? baselineValue = null) =>
        new(year, comparator, value, valueMax, growth, baselineYear, baselineValue, null);

    /// <summary>"2020:10;2024:14" → observations (year:value), given in any order.</summary>
    private static List<Observation> Obs(string text) => text.Length == 0
        ? []
        : text.Split(';').Select(p => p.Split(':'))
            .Select(p => new Observation(decimal.Parse(p[0], CultureInfo.InvariantCulture), decimal.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();

    private static void AssertVerdict(ProgressResult result, ProgressStatus status, string rule)
    {
        Assert.Equal(status, result.Status);
        Assert.Equal(rule, result.Rule);
    }

    /// <summary>No growth rate and no ratio: the engine computed no trend.</summary>
    private static void AssertNoTrend(ProgressResult result)
    {
        Assert.Null(result.CurrentGrowth);
        Assert.Null(result.Ratio);
    }

    /// <summary>A growth target's verdict with the goal and the base the engine resolved it to.</summary>
    private static void AssertGoal(ProgressResult result, ProgressStatus status, decimal target, decimal baseYear, decimal baseValue)
    {
        Assert.Equal(status, result.Status);
        Assert.Equal(target, result.TargetValue);
        Assert.Equal(baseYear, result.BaseYear);
        Assert.Equal(baseValue, result.BaseValue);
    }

    /// <summary>The first and the latest point the engine worked from, as it carries them.</summary>
    private static void AssertPoints(ProgressResult result, decimal baseYear, decimal baseValue, decimal latestYear, decimal latestValue)
    {
        Assert.Equal(baseYear, result.BaseYear);
        Assert.Equal(baseValue, result.BaseValue);
        Assert.Equal(latestYear, result.LatestYear);
        Assert.Equal(latestValue, result.LatestValue);
    }

    private static void AssertRatio(double? expected, ProgressResult result)
    {
        if (expected is null)
            Assert.Null(result.Ratio);
        else
        {
            Assert.NotNull(result.Ratio);
            Assert.Equal(expected.Value, Math.Round(result.Ratio.Value, 2));
        }
    }

    // ---------------------------------------------------------------- comparators and trends (percent, target year 2030, now 2026)

    [Theory]
    // ge 20, base 10 (2020), latest 14 (2024): CAGRᵢ = (14/10)^(1/4)−1 = 8.78 %; CAGR_T = (20/10)^(1/10)−1 = 7.18 %; R = 1.22 → on track
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:14", ProgressStatus.OnTrack, 1.22)]
    // ge 20, latest exactly 20 → met (a value on the target meets it) → achieved, no R
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:20", ProgressStatus.Achieved, null)]
    // ge 20, 10 → 13: CAGRᵢ = 1.3^(1/4)−1 = 6.78 %; CAGR_T = 7.18 %; R = 0.944 → just under 0.95 → needs acceleration
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:13", ProgressStatus.NeedsAcceleration, 0.94)]
    // ge 20, 10 → 13.05: CAGRᵢ = 1.305^(1/4)−1 = 6.88 %; R = 6.88/7.18 = 0.959 → just over 0.95 → on track
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:13.05", ProgressStatus.OnTrack, 0.96)]
    // ge 20, 10 → 11.9: CAGRᵢ = 1.19^(1/4)−1 = 4.44 %; R = 4.44/7.18 = 0.619 → just over 0.60 → needs acceleration
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:11.9", ProgressStatus.NeedsAcceleration, 0.62)]
    // ge 20, 10 → 11.8: CAGRᵢ = 1.18^(1/4)−1 = 4.22 %; R = 4.22/7.18 = 0.589 → just under 0.60 → off track
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:11.8", ProgressStatus.OffTrack, 0.59)]
    // ge 20, 10 → 11: CAGRᵢ = 1.1^(1/4)−1 = 2.41 %; R = 0.336 → off track
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:11", ProgressStatus.OffTrack, 0.34)]
    // ge 20, flat 10 → 10: CAGRᵢ = 0; R = 0 → off track (0 ≤ R < 0.60), not regressing
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:10", ProgressStatus.OffTrack, 0.0)]
    // ge 20, falling 10 → 9: CAGRᵢ = 0.9^(1/4)−1 = −2.60 %; R = −2.60/7.18 = −0.36 → regressing
    [InlineData(Comparator.AtLeast, 20, null, Direction.HigherIsBetter, "2020:10;2024:9", ProgressStatus.Regressing, -0.36)]
    // gt 20, latest exactly 20 does not meet "more than 20": CAGRᵢ = 2^(1/4)−1 = 18.92 %; CAGR_T = 7.18 %; R = 2.64 → on track
    [InlineData(Comparator.MoreThan, 20, null, Direction.HigherIsBetter, "2020:10;2024:20", ProgressStatus.OnTrack, 2.64)]
    // gt 20, latest 21 > 20 → achieved
    [InlineData(Comparator.MoreThan, 20, null, Direction.HigherIsBetter, "2020:10;2024:21", ProgressStatus.Achieved, null)]
    // le 5 (lower is better), 10 → 8: CAGRᵢ = 0.8^(1/4)−1 = −5.43 %; CAGR_T = 0.5^(1/10)−1 = −6.70 %; R = −1·−5.43/6.70 = 0.81 → needs acceleration
    [InlineData(Comparator.AtMost, 5, null, Direction.LowerIsBetter, "2020:10;2024:8", ProgressStatus.NeedsAcceleration, 0.81)]
    // le 5, latest exactly 5 → met → achieved
    [InlineData(Comparator.AtMost, 5, null, Direction.LowerIsBetter, "2020:10;2024:5", ProgressStatus.Achieved, null)]
    // le 5, rising 10 → 12: CAGRᵢ = 1.2^(1/4)−1 = +4.66 %; R = −1·4.66/6.70 = −0.70 → regressing
    [InlineData(Comparator.AtMost, 5, null, Direction.LowerIsBetter, "2020:10;2024:12", ProgressStatus.Regressing, -0.70)]
    // lt 5, latest exactly 5 does not meet "less than 5": CAGRᵢ = 0.5^(1/4)−1 = −15.91 %; R = 15.91/6.70 = 2.38 → on track
    [InlineData(Comparator.LessThan, 5, null, Direction.LowerIsBetter, "2020:10;2024:5", ProgressStatus.OnTrack, 2.38)]
    // lt 5, latest 4.9 < 5 → achieved
    [InlineData(Comparator.LessThan, 5, null, Direction.LowerIsBetter, "2020:10;2024:4.9", ProgressStatus.Achieved, null)]
    // eq 50 from below (d = +1), 40 → 45 (2025): CAGRᵢ = 1.125^(1/5)−1 = 2.38 %; CAGR_T = 1.25^(1/10)−1 = 2.26 %; R = 1.06 → on track
    [InlineData(Comparator.EqualTo, 50, null, Direction.HigherIsBetter, "2020:40;2025:45", ProgressStatus.OnTrack, 1.06)]
    // eq 50 from above (d = −1), 60 → 58 (2025): CAGRᵢ = (58/60)^(1/5)−1 = −0.68 %; CAGR_T = (50/60)^(1/10)−1 = −1.81 %; R = 0.37 → off track
    [InlineData(Comparator.EqualTo, 50, null, Direction.HigherIsBetter, "2020:60;2025:58", ProgressStatus.OffTrack, 0.37)]
    // eq 50, latest exactly 50 → achieved
    [InlineData(Comparator.EqualTo, 50, null, Direction.HigherIsBetter, "2020:40;2025:50", ProgressStatus.Achieved, null)]
    // band 80–85, below it: aim at 80 (d = +1), 60 → 70 (2025): CAGRᵢ = (70/60)^(1/5)−1 = 3.13 %; CAGR_T = (80/60)^(1/10)−1 = 2.92 %; R = 1.07 → on track
    [InlineData(Comparator.Between, 80, 85.0, Direction.HigherIsBetter, "2020:60;2025:70", ProgressStatus.OnTrack, 1.07)]
    // band 80–85, above it: aim at 85 (d = −1), 95 → 92 (2025): CAGRᵢ = (92/95)^(1/5)−1 = −0.64 %; CAGR_T = (85/95)^(1/10)−1 = −1.11 %; R = 0.58 → off track
    [InlineData(Comparator.Between, 80, 85.0, Direction.HigherIsBetter, "2020:95;2025:92", ProgressStatus.OffTrack, 0.58)]
    // band 80–85, above it and rising 88 → 90: CAGRᵢ = (90/88)^(1/5)−1 = +0.45 %; CAGR_T = (85/88)^(1/10)−1 = −0.35 %; R = −1·0.45/0.35 = −1.30 → regressing
    [InlineData(Comparator.Between, 80, 85.0, Direction.HigherIsBetter, "2020:88;2025:90", ProgressStatus.Regressing, -1.30)]
    // band 80–85: 83 inside → achieved
    [InlineData(Comparator.Between, 80, 85.0, Direction.HigherIsBetter, "2020:60;2025:83", ProgressStatus.Achieved, null)]
    // band 80–85: exactly the lower bound 80 → achieved
    [InlineData(Comparator.Between, 80, 85.0, Direction.HigherIsBetter, "2020:60;2025:80", ProgressStatus.Achieved, null)]
    // band 80–85: exactly the upper bound 85 → achieved
    [InlineData(Comparator.Between, 80, 85.0, Direction.HigherIsBetter, "2020:95;2025:85", ProgressStatus.Achieved, null)]
    public void Comparators_GiveTheHandWorkedStatus(Comparator comparator, double value, double? valueMax, Direction direction,
        string observations, ProgressStatus expected, double? expectedRatio)
    {
        var result = Evaluate(Ind(Measure.Percent, direction), Terms(comparator, (decimal)value, 2030, (decimal?)valueMax), Obs(observations), currentYear: 2026);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == ProgressStatus.Achieved ? "met" : "trend", result.Rule);
        AssertRatio(expectedRatio, result);
    }

    [Fact]
    public void Trend_CarriesEveryInput()
    {
        // ge 20 by 2030, base 10 (2020), latest 14 (2024), given out of order:
        // CAGRᵢ = (14/10)^(1/4)−1 = 0.0878; CAGR_T = 2^(1/10)−1 = 0.0718; R = 1.2227 → on track
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), Obs("2024:14;2020:10;2022:12"), currentYear: 2026);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        AssertPoints(result, baseYear: 2020m, baseValue: 10m, latestYear: 2024m, latestValue: 14m);
        Assert.Equal(20m, result.TargetValue);
        Assert.Equal(0.0878, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(0.0718, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(1.22, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void Band_AboveIt_AimsDownAtTheUpperBound()
    {
        // band 80–85, 95 → 92: aim 85 from above; R = 0.58 (see the theory) → off track; the value aimed at is 85, not 80
        var result = Evaluate(Ind(), Terms(Comparator.Between, 80m, valueMax: 85m), Obs("2020:95;2025:92"), currentYear: 2026);

        Assert.Equal(ProgressStatus.OffTrack, result.Status);
        Assert.Equal(85m, result.TargetValue);
        Assert.True(result.CurrentGrowth < 0);
        Assert.True(result.RequiredGrowth < 0);
    }

    [Fact]
    public void Band_BelowIt_AimsUpAtTheLowerBound()
    {
        // band 80–85, 60 → 70: aim 80; CAGR_T = (80/60)^(1/10)−1 = 0.0292 (towards 85 it would be (85/60)^(1/10)−1 = 0.0354)
        var result = Evaluate(Ind(), Terms(Comparator.Between, 80m, valueMax: 85m), Obs("2020:60;2025:70"), currentYear: 2026);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.Equal(80m, result.TargetValue);
        Assert.Equal(0.0292, Math.Round(result.RequiredGrowth!.Value, 4));
    }

    // ---------------------------------------------------------------- ranks (top 15 by 2030, lower is better, now 2026)

    [Theory]
    // rank 25 (2023) → 18 (2026): CAGRᵢ = (18/25)^(1/3)−1 = −10.37 %; CAGR_T = (15/25)^(1/7)−1 = −7.04 %; R = −1·−10.37/7.04 = 1.47 → on track
    [InlineData("2023:25;2026:18", ProgressStatus.OnTrack, 1.47)]
    // rank 25 → 21: CAGRᵢ = (21/25)^(1/3)−1 = −5.65 %; R = 5.65/7.04 = 0.80 → needs acceleration
    [InlineData("2023:25;2026:21", ProgressStatus.NeedsAcceleration, 0.80)]
    // rank 25 → 23: CAGRᵢ = (23/25)^(1/3)−1 = −2.74 %; R = 0.39 → off track
    [InlineData("2023:25;2026:23", ProgressStatus.OffTrack, 0.39)]
    // rank 25 → 30 (worse): CAGRᵢ = (30/25)^(1/3)−1 = +6.27 %; R = −6.27/7.04 = −0.89 → regressing
    [InlineData("2023:25;2026:30", ProgressStatus.Regressing, -0.89)]
    // rank 15 is within the top 15 → achieved
    [InlineData("2023:25;2026:15", ProgressStatus.Achieved, null)]
    // rank 9 is within the top 15 → achieved
    [InlineData("2023:25;2026:9", ProgressStatus.Achieved, null)]
    public void Rank_WithinTopN(string observations, ProgressStatus expected, double? expectedRatio)
    {
        var result = Evaluate(Ind(Measure.Rank, code: "dti-rank"), Terms(Comparator.RankWithinTop, 15m), Obs(observations), currentYear: 2026, documentYear: 2023);

        Assert.Equal(expected, result.Status);
        Assert.Equal(15m, result.TargetValue);
        AssertRatio(expectedRatio, result);
    }

    // ---------------------------------------------------------------- too few points

    [Fact]
    public void NoValues_IsNoData()
    {
        // nothing reported → no data; the target value is still shown, there is no base
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), [], currentYear: 2026);

        AssertVerdict(result, ProgressStatus.NoData, "no-values");
        Assert.Equal(20m, result.TargetValue);
        Assert.Null(result.BaseYear);
        Assert.Null(result.LatestYear);
        Assert.Null(result.Ratio);
    }

    [Theory]
    // a single value 12 (2024), no baseline in the document: the base is that same point → one point in time →
    // not enough data for a trend (not "no data": the value is there and is carried)
    [InlineData("2024:12", ProgressStatus.NotEnoughData, "one-point", 2024, 12, 2024, 12)]
    // ge 20 by 2030, 0 (2020) → 5 (2024): growth from 0 has no rate. Replacing the 0 by 0.001 would give
    // CAGRᵢ = 5000^(1/4)−1 = 740.9 %, CAGR_T = 20000^(1/10)−1 = 169.2 % and a meaningless R = 4.38 → not computable, rule zero-base,
    // with the base, the latest value and the target carried
    [InlineData("2020:0;2024:5", ProgressStatus.NotComputable, "zero-base", 2020, 0, 2024, 5)]
    public void AVerdictWithoutATrend_CarriesItsPointsAndTheTarget(string observations, ProgressStatus status, string rule,
        int baseYear, int baseValue, int latestYear, int latestValue)
    {
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), Obs(observations), currentYear: 2026);

        AssertVerdict(result, status, rule);
        AssertPoints(result, baseYear, baseValue, latestYear, latestValue);
        Assert.Equal(20m, result.TargetValue);
        AssertNoTrend(result);
    }

    [Fact]
    public void TwoValuesInTheSameYear_AreStillOnePointInTime()
    {
        // 2025-H1 = 11 (2024.5) is the earliest value and the base; the only other value is the base itself → ge 20 by 2030
        // with 11 (2024.5) alone → one point → not enough data; with 12 (2025) added it becomes a trend:
        // CAGRᵢ = (12/11)^(1/0.5)−1 = 19.01 %; CAGR_T = (20/11)^(1/5.5)−1 = 11.48 %; R = 1.66 → on track
        var indicator = Ind();
        var target = Make(indicator, Terms(Comparator.AtLeast, 20m));

        var one = ProgressEngine.Evaluate(target, indicator, [Observation.ForPeriod(2025, 1, 11m)], currentYear: 2026);
        var two = ProgressEngine.Evaluate(target, indicator, [Observation.ForPeriod(2025, 1, 11m), new(2025, 12m)], currentYear: 2026);

        Assert.Equal(ProgressStatus.NotEnoughData, one.Status);
        Assert.Equal(11m, one.LatestValue);
        Assert.Equal(ProgressStatus.OnTrack, two.Status);
        Assert.Equal(0.1901, Math.Round(two.CurrentGrowth!.Value, 4));
        Assert.Equal(0.1148, Math.Round(two.RequiredGrowth!.Value, 4));
        Assert.Equal(1.66, Math.Round(two.Ratio!.Value, 2));
    }

    [Fact]
    public void DocumentBaselinePlusOneValue_GivesATrend()
    {
        // baseline 10 (2024) from the document, one value 12 (2025), ge 20 by 2030:
        // CAGRᵢ = 12/10 − 1 = 20.00 %; CAGR_T = 2^(1/6)−1 = 12.25 %; R = 1.63 → on track
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m, baselineYear: 2024, baselineValue: 10m), Obs("2025:12"), currentYear: 2026, documentYear: 2025);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        AssertPoints(result, baseYear: 2024m, baseValue: 10m, latestYear: 2025m, latestValue: 12m);
        Assert.Equal(20m, result.TargetValue);
        Assert.Equal(0.2000, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(0.1225, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(1.63, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void DocumentBaseline_WinsOverTheEarliestValue()
    {
        // baseline 8 (2022) in the document; values 5 (2020), 12 (2025); ge 20 by 2030. Base = 8 (2022), not 5 (2020):
        // CAGRᵢ = 1.5^(1/3)−1 = 14.47 %; CAGR_T = 2.5^(1/8)−1 = 12.14 %; R = 1.19 → on track
        // (from 5 (2020) it would be 2.4^(1/5)−1 = 19.14 % over 4^(1/10)−1 = 14.87 %, R = 1.29)
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m, baselineYear: 2022, baselineValue: 8m), Obs("2020:5;2025:12"), currentYear: 2026);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        Assert.Equal(2022m, result.BaseYear);
        Assert.Equal(8m, result.BaseValue);
        Assert.Equal(1.19, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void NoGrowthNeededAndMovingAway_IsRegressingWithoutARatio()
    {
        // baseline 20 (2022) = target 20 → CAGR_T = 0; value fell to 18 (2024), not met, moving the wrong way → R = −∞ → regressing
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m, baselineYear: 2022, baselineValue: 20m), Obs("2024:18"), currentYear: 2026);

        Assert.Equal(ProgressStatus.Regressing, result.Status);
        Assert.Equal(0.0, result.RequiredGrowth);
        Assert.Null(result.Ratio);
    }

    [Theory]
    // "more than 20", baseline 20 (2022) → CAGR_T = 0. Flat at 20 (2024): not met (20 is not more than 20), CAGRᵢ = 0, it does
    // not move → R = 0 → off track (before: +∞ → on track)
    [InlineData(Comparator.MoreThan, Direction.HigherIsBetter, "2024:20", ProgressStatus.OffTrack, 0.0)]
    // "less than 20", baseline 20 (2022), flat at 20 (2024): not met, does not move → R = 0 → off track
    [InlineData(Comparator.LessThan, Direction.LowerIsBetter, "2024:20", ProgressStatus.OffTrack, 0.0)]
    // "less than 20", baseline 20 (2022), rising to 22 (2024): CAGRᵢ = +4.88 %, d = −1 → the wrong way → R = −∞ → regressing, no R
    [InlineData(Comparator.LessThan, Direction.LowerIsBetter, "2024:22", ProgressStatus.Regressing, null)]
    // "at least 20" on a lower-is-better indicator (d = −1), baseline 20 (2022), 18 (2024): not met, CAGRᵢ = −5.13 %,
    // d · CAGRᵢ > 0 → the right way → R = +∞ → on track, no R
    [InlineData(Comparator.AtLeast, Direction.LowerIsBetter, "2024:18", ProgressStatus.OnTrack, null)]
    public void NoGrowthNeeded_OnTrackOnlyWhenTheValueMovesTheRightWay(Comparator comparator, Direction direction, string observations,
        ProgressStatus expected, double? expectedRatio)
    {
        var result = Evaluate(Ind(direction: direction), Terms(comparator, 20m, baselineYear: 2022, baselineValue: 20m), Obs(observations), currentYear: 2026);

        Assert.Equal(expected, result.Status);
        Assert.Equal("trend", result.Rule);
        Assert.Equal(0.0, result.RequiredGrowth);
        AssertRatio(expectedRatio, result);
    }

    // ---------------------------------------------------------------- the target year

    [Theory]
    // ge 20 by 2025, now 2026: 20 in 2025 → met in its year → achieved
    [InlineData(Comparator.AtLeast, "2020:10;2025:20", 2026, ProgressStatus.Achieved, 2025.0, 20.0)]
    // ge 20 by 2025, now 2026: 15 in 2025 → year passed, not met → not achieved
    [InlineData(Comparator.AtLeast, "2020:10;2025:15", 2026, ProgressStatus.NotAchieved, 2025.0, 15.0)]
    // ge 20 by 2025, now 2027: 15 (2024), 22 (2026) — the 2026 value is after the target year and ignored → not achieved at 15
    [InlineData(Comparator.AtLeast, "2020:10;2024:15;2026:22", 2027, ProgressStatus.NotAchieved, 2024.0, 15.0)]
    // ge 20 by 2025, now 2027: 21 (2025) then 12 (2026) — the later fall is ignored → achieved at 21
    [InlineData(Comparator.AtLeast, "2020:10;2025:21;2026:12", 2027, ProgressStatus.Achieved, 2025.0, 21.0)]
    // ge 20 by 2025, now 2026: the 2025-H1 value (ends mid-2025 → 2024.5) is within the target year and counts → 20 → achieved
    [InlineData(Comparator.AtLeast, "2020:10;2024.5:20", 2026, ProgressStatus.Achieved, 2024.5, 20.0)]
    // ge 20 by 2025, now 2027: 2026-H1 (2025.5) is after the target year and ignored → not achieved at 15 (2025)
    [InlineData(Comparator.AtLeast, "2020:10;2025:15;2025.5:22", 2027, ProgressStatus.NotAchieved, 2025.0, 15.0)]
    // gt 20 by 2025, now 2026: exactly 20 is not "more than 20" → not achieved
    [InlineData(Comparator.MoreThan, "2020:10;2025:20", 2026, ProgressStatus.NotAchieved, 2025.0, 20.0)]
    public void TargetYearPassed(Comparator comparator, string observations, int currentYear, ProgressStatus expected,
        double latestYear, double latestValue)
    {
        var result = Evaluate(Ind(), Terms(comparator, 20m, year: 2025), Obs(observations), currentYear);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == ProgressStatus.Achieved ? "met" : "year-passed", result.Rule);
        Assert.Equal((decimal)latestYear, result.LatestYear);
        Assert.Equal((decimal)latestValue, result.LatestValue);
        Assert.Equal(20m, result.TargetValue);
        // the base it was judged from is carried too: no baseline in the document → the earliest value, 10 (2020)
        Assert.Equal(2020m, result.BaseYear);
        Assert.Equal(10m, result.BaseValue);
        Assert.Null(result.Ratio);
    }

    [Fact]
    public void Met_CarriesTheBaseTheValueAndTheTarget()
    {
        // ge 20 by 2030, 10 (2020), 14 (2023), 21 (2025), now 2026 → 21 ≥ 20 → achieved, with base 10 (2020) and latest 21 (2025)
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), Obs("2020:10;2023:14;2025:21"), currentYear: 2026);

        AssertVerdict(result, ProgressStatus.Achieved, "met");
        AssertPoints(result, baseYear: 2020m, baseValue: 10m, latestYear: 2025m, latestValue: 21m);
        Assert.Equal(20m, result.TargetValue);
    }

    [Fact]
    public void TargetYearPassed_OnlyLaterValues_IsNoData()
    {
        // ge 20 by 2025, now 2027: the only value is 25 in 2026, after the target year → ignored → nothing counted → no data
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m, year: 2025), Obs("2026:25"), currentYear: 2027);

        AssertVerdict(result, ProgressStatus.NoData, "no-values");
    }

    [Fact]
    public void InTheTargetYearItself_TheTrendStillApplies()
    {
        // ge 20 by 2026, now 2026 (not yet passed), 10 (2020) → 15 (2025):
        // CAGRᵢ = 1.5^(1/5)−1 = 8.45 %; CAGR_T = 2^(1/6)−1 = 12.25 %; R = 0.69 → needs acceleration (not "not achieved")
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m, year: 2026), Obs("2020:10;2025:15"), currentYear: 2026);

        Assert.Equal(ProgressStatus.NeedsAcceleration, result.Status);
        Assert.Equal(0.69, Math.Round(result.Ratio!.Value, 2));
    }

    // ---------------------------------------------------------------- zeros and half-years

    [Fact]
    public void ZeroBaseline_FromTheDocument_IsNotComputable()
    {
        // the document's baseline 0 (2024) (no online service yet), 12 (2026), ge 50 by 2030 → zero-base, not an R of hundreds
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 50m, baselineYear: 2024, baselineValue: 0m), Obs("2026:12"), currentYear: 2026, documentYear: 2025);

        AssertVerdict(result, ProgressStatus.NotComputable, "zero-base");
        Assert.Equal(0m, result.BaseValue);
        Assert.Equal(12m, result.LatestValue);
    }

    [Fact]
    public void ZeroLatest_IsAFallOfAHundredPercent()
    {
        // ge 20 by 2030, 10 (2020) → 0 (2024): the 0 is taken as it is, CAGRᵢ = (0/10)^(1/4)−1 = −100 %;
        // CAGR_T = 2^(1/10)−1 = 7.18 %; R = −1/0.0718 = −13.93 → regressing
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), Obs("2020:10;2024:0"), currentYear: 2026);

        Assert.Equal(ProgressStatus.Regressing, result.Status);
        Assert.Equal(-1.0, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(-13.93, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void ZeroTarget_IsReplacedBy0_001()
    {
        // count, lower is better, ≤ 0 by 2030, 10 (2020) → 5 (2025):
        // CAGRᵢ = 0.5^(1/5)−1 = −12.94 %; CAGR_T = (0.001/10)^(1/10)−1 = 10^−0.4 −1 = −60.19 %; R = 12.94/60.19 = 0.22 → off track
        var result = Evaluate(Ind(Measure.Count, Direction.LowerIsBetter), Terms(Comparator.AtMost, 0m), Obs("2020:10;2025:5"), currentYear: 2026);

        Assert.Equal(ProgressStatus.OffTrack, result.Status);
        Assert.Equal(0m, result.TargetValue);
        Assert.Equal(-0.6019, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(0.22, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void HalfYearValue_CountsHalfAYearAfterThePreviousYear()
    {
        // ge 20 by 2030, 10 (2024) → 10.5 (2025-H1 = 2024.5), half a year apart:
        // CAGRᵢ = 1.05^(1/0.5)−1 = 10.25 %; CAGR_T = 2^(1/6)−1 = 12.25 %; R = 0.84 → needs acceleration
        var indicator = Ind();
        var target = Make(indicator, Terms(Comparator.AtLeast, 20m));
        var halfYear = Observation.ForPeriod(2025, 1, 10.5m);

        var result = ProgressEngine.Evaluate(target, indicator, [new Observation(2024, 10m), halfYear], currentYear: 2026);

        Assert.Equal(ProgressStatus.NeedsAcceleration, result.Status);
        Assert.Equal(2024.5m, result.LatestYear);
        Assert.Equal(0.1025, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(0.84, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void YearValue_CountsAfterItsOwnHalfYear_AndBothCountForATargetOfThatYear()
    {
        // ge 25 by 2025, judged in 2026: 2025-H1 = 26 (met), then the year's value 2025 = 24 (not met) is the later one.
        var indicator = Ind();
        var target = Make(indicator, Terms(Comparator.AtLeast, 25m, year: 2025));
        var values = new List<Observation> { new(2025, 24m), Observation.ForPeriod(2025, 1, 26m), new(2024, 20m) };

        var result = ProgressEngine.Evaluate(target, indicator, values, currentYear: 2026);

        Assert.Equal(ProgressStatus.NotAchieved, result.Status);
        Assert.Equal(2025m, result.LatestYear);
        Assert.Equal(24m, result.LatestValue);
    }

    [Fact]
    public void NegativeValues_AreNotComputable()
    {
        // ge 20, −4 (2020) → 2 (2024): (2/−4)^(1/4) has no real value → not computable, rule not-computable, figures carried
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), Obs("2020:-4;2024:2"), currentYear: 2026);

        AssertVerdict(result, ProgressStatus.NotComputable, "not-computable");
        Assert.Equal(-4m, result.BaseValue);
        Assert.Equal(2m, result.LatestValue);
    }

    // ---------------------------------------------------------------- R as shown beside its status

    [Theory]
    // 0.94994: to 2 places 0.95 would read "on track" → 3 places 0.950 still does → 4 places 0.9499 agrees (needs acceleration)
    [InlineData(0.94994, "0.9499")]
    // 0.949996: 0.95, 0.950, 0.9500, 0.95000 all cross → 6 places 0.949996
    [InlineData(0.949996, "0.949996")]
    // 0.9499996: even 6 places round to 0.950000 → cut down at 6 places: 0.949999
    [InlineData(0.9499996, "0.949999")]
    // 0.5999: 0.60 and 0.600 would read "needs acceleration" → 0.5999 (off track)
    [InlineData(0.5999, "0.5999")]
    // −0.004: 2 places give −0.00 = 0 → off track, but R < 0 is regressing → 3 places −0.004
    [InlineData(-0.004, "-0.004")]
    // far from every threshold: 2 places as usual
    [InlineData(1.2227, "1.22")]
    [InlineData(0.954, "0.95")]
    // 0.596 is off track, 0.60 would read "needs acceleration" → 0.596
    [InlineData(0.596, "0.596")]
    public void ShownRatio_AgreesWithTheStatus(double ratio, string shown)
    {
        var rounded = ProgressEngine.ShownRatio(ratio);

        Assert.Equal(shown, rounded.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ProgressEngine.StatusOf(ratio), ProgressEngine.StatusOf((double)rounded));
    }

    [Fact]
    public void ARatioJustUnderTheThreshold_ShowsEnoughDigits()
    {
        // ge 20 by 2030, 10 (2020) → 13.019 (2024): CAGRᵢ = 1.3019^(1/4)−1 = 6.818 %; CAGR_T = 2^(1/10)−1 = 7.177 %;
        // R = 0.94993 < 0.95 → needs acceleration, shown 0.9499 (not 0.95)
        var result = Evaluate(Ind(), Terms(Comparator.AtLeast, 20m), Obs("2020:10;2024:13.019"), currentYear: 2026);

        Assert.Equal(ProgressStatus.NeedsAcceleration, result.Status);
        Assert.Equal(0.9499m, ProgressEngine.ShownRatio(result.Ratio!.Value));
    }

    // ---------------------------------------------------------------- growth targets

    [Fact]
    public void PercentIncrease_OverTheBasePeriodsValue()
    {
        // +30 % vs 2021–2025 by 2030 (count): base = 2025's 100 → goal 130; 100 (2025) → 110 (2026):
        // CAGRᵢ = 110/100 − 1 = 10.00 %; CAGR_T = 1.3^(1/5)−1 = 5.39 %; R = 1.86 → on track
        var result = Evaluate(Ind(Measure.Count), Terms(Comparator.AtLeast, 30m, growth: new TargetGrowth(GrowthMode.PercentIncrease, 2021, 2025)), Obs("2021:80;2025:100;2026:110"), currentYear: 2027, documentYear: 2021);

        AssertGoal(result, ProgressStatus.OnTrack, target: 130m, baseYear: 2025m, baseValue: 100m);
        Assert.Equal(2026m, result.LatestYear);
        Assert.Equal(0.0539, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(1.86, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void PercentIncrease_ReachedExactly_IsAchieved()
    {
        // +30 % vs 2021–2025: 100 (2025) × 1.3 = 130; 130 reported in 2026 → exactly on the target → achieved
        var result = Evaluate(Ind(Measure.Count), Terms(Comparator.AtLeast, 30m, growth: new TargetGrowth(GrowthMode.PercentIncrease, 2021, 2025)), Obs("2025:100;2026:130"), currentYear: 2027, documentYear: 2021);

        Assert.Equal(ProgressStatus.Achieved, result.Status);
        Assert.Equal(130m, result.TargetValue);
    }

    [Fact]
    public void Multiple_TimesTwo()
    {
        // ×2 vs 2025 by 2030 (count): 500 (2025) → goal 1000; 600 (2027):
        // CAGRᵢ = 1.2^(1/2)−1 = 9.54 %; CAGR_T = 2^(1/5)−1 = 14.87 %; R = 0.64 → needs acceleration
        var result = Evaluate(Ind(Measure.Count), Terms(Comparator.AtLeast, 2m, growth: new TargetGrowth(GrowthMode.Multiple, 2025, 2025)), Obs("2025:500;2027:600"), currentYear: 2028, documentYear: 2025);

        AssertGoal(result, ProgressStatus.NeedsAcceleration, target: 1000m, baseYear: 2025m, baseValue: 500m);
        Assert.Equal(0.0954, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(0.1487, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(0.64, Math.Round(result.Ratio!.Value, 2));
    }

    [Theory]
    // ×2 vs 2025, values only in 2026 and 2027 → the base period has no value → no data
    [InlineData("2026:600;2027:700")]
    // ×2 vs 2025, values only before the base period (2024) and after it → no data
    [InlineData("2024:450;2026:600")]
    // ×2 vs 2025, nothing at all → no data
    [InlineData("")]
    public void Growth_WithoutABasePeriodValue_IsNoData(string observations)
    {
        var result = Evaluate(Ind(Measure.Count), Terms(Comparator.AtLeast, 2m, growth: new TargetGrowth(GrowthMode.Multiple, 2025, 2025)), Obs(observations), currentYear: 2028, documentYear: 2025);

        AssertVerdict(result, ProgressStatus.NoData, "growth-base-missing");
        Assert.Null(result.TargetValue);
    }

    [Fact]
    public void Growth_WithOnlyTheBaseValue_IsOnePoint()
    {
        // ×2 vs 2025: only 500 (2025) → goal 1000 is known, but base and latest are the same point → no data (one-point)
        var result = Evaluate(Ind(Measure.Count), Terms(Comparator.AtLeast, 2m, growth: new TargetGrowth(GrowthMode.Multiple, 2025, 2025)), Obs("2025:500"), currentYear: 2026, documentYear: 2025);

        AssertVerdict(result, ProgressStatus.NotEnoughData, "one-point");
        Assert.Equal(500m, result.LatestValue);
        Assert.Equal(1000m, result.TargetValue);
    }

    // ---------------------------------------------------------------- milestones

    [Theory]
    // milestone by 2030, reported 1 (2026) → achieved
    [InlineData(2030, "2025:0;2026:1", 2026, ProgressStatus.Achieved)]
    // milestone by 2030, reported 0 (2025), before its year → needs acceleration
    [InlineData(2030, "2025:0", 2026, ProgressStatus.NeedsAcceleration)]
    // milestone by 2030, nothing reported → no data
    [InlineData(2030, "", 2026, ProgressStatus.NoData)]
    // milestone by 2025, reported 0 (2025), now 2026: past its year, not reached → not achieved
    [InlineData(2025, "2025:0", 2026, ProgressStatus.NotAchieved)]
    // milestone by 2025, nothing reported, now 2026: past its year → not achieved
    [InlineData(2025, "", 2026, ProgressStatus.NotAchieved)]
    // milestone by 2025, reached (1) in 2025, now 2026 → achieved
    [InlineData(2025, "2024:0;2025:1", 2026, ProgressStatus.Achieved)]
    public void Milestone(int year, string observations, int currentYear, ProgressStatus expected)
    {
        var result = Evaluate(Ind(Measure.Milestone, code: "fiveg-coverage"), Terms(Comparator.MilestoneReached, null, year: year), Obs(observations), currentYear);

        Assert.Equal(expected, result.Status);
        Assert.Equal("milestone", result.Rule);
        Assert.Equal(1m, result.TargetValue);
        Assert.Null(result.Ratio);
    }

    // ---------------------------------------------------------------- the seeds' real targets, with invented values

    [Theory]
    // Lào Cai (laocai-ctr57, 2025): digital economy ≥ 20 % GRDP by 2030. INVENTED values 11.0 (2024), 12.6 (2025):
    // CAGRᵢ = 12.6/11 − 1 = 14.55 %; CAGR_T = (20/11)^(1/6)−1 = 10.48 %; R = 1.39 → on track
    [InlineData("2024:11;2025:12.6", 2026, ProgressStatus.OnTrack, 1.39)]
    // INVENTED 11.0 (2024), 11.8 (2026): CAGRᵢ = (11.8/11)^(1/2)−1 = 3.57 %; CAGR_T = 10.48 %; R = 0.34 → off track
    [InlineData("2024:11;2026:11.8", 2026, ProgressStatus.OffTrack, 0.34)]
    // INVENTED 19.5 (2030), 21 (2031), now 2031: 2030 passed with 19.5 < 20 (2031 ignored) → not achieved
    [InlineData("2024:11;2030:19.5;2031:21", 2031, ProgressStatus.NotAchieved, null)]
    // INVENTED 20.4 (2029) → achieved before the year
    [InlineData("2024:11;2029:20.4", 2029, ProgressStatus.Achieved, null)]
    public void Seed_LaoCai_DigitalEconomyAtLeast20PercentGrdp(string observations, int currentYear, ProgressStatus expected, double? expectedRatio)
    {
        var indicator = Ind(Measure.Percent, code: "digital-economy-grdp-share");
        var target = Make(indicator, Terms(Comparator.AtLeast, 20m, year: 2030), documentYear: 2025, documentCode: "laocai-ctr57");

        var result = ProgressEngine.Evaluate(target, indicator, Obs(observations), currentYear);

        Assert.Equal(expected, result.Status);
        Assert.Equal(20m, result.TargetValue);
        AssertRatio(expectedRatio, result);
    }

    [Theory]
    // Vĩnh Phúc (vinhphuc-ctr57, 2025): non-cash payments 80–85 % by 2030. INVENTED 70 (2025), 74 (2026), below the band → aim 80:
    // CAGRᵢ = 74/70 − 1 = 5.71 %; CAGR_T = (80/70)^(1/5)−1 = 2.71 %; R = 2.11 → on track
    [InlineData("2025:70;2026:74", 2026, ProgressStatus.OnTrack, 80.0, 2.11)]
    // INVENTED 70 (2025), 72 (2027): CAGRᵢ = (72/70)^(1/2)−1 = 1.42 %; CAGR_T = 2.71 %; R = 0.52 → off track
    [InlineData("2025:70;2027:72", 2027, ProgressStatus.OffTrack, 80.0, 0.52)]
    // INVENTED 82 (2027): inside 80–85 → achieved
    [InlineData("2025:70;2027:82", 2027, ProgressStatus.Achieved, 80.0, null)]
    // INVENTED 90 (2025) → 88 (2027), above the band → aim down at 85 (d = −1):
    // CAGRᵢ = (88/90)^(1/2)−1 = −1.12 %; CAGR_T = (85/90)^(1/5)−1 = −1.14 %; R = 0.98 → on track
    [InlineData("2025:90;2027:88", 2027, ProgressStatus.OnTrack, 85.0, 0.98)]
    public void Seed_VinhPhuc_NonCashPayments80To85Percent(string observations, int currentYear, ProgressStatus expected,
        double targetValue, double? expectedRatio)
    {
        var indicator = Ind(Measure.Percent, code: "non-cash-payment-share");
        var target = Make(indicator, Terms(Comparator.Between, 80m, year: 2030, valueMax: 85m), documentYear: 2025, documentCode: "vinhphuc-ctr57");

        var result = ProgressEngine.Evaluate(target, indicator, Obs(observations), currentYear);

        Assert.Equal(expected, result.Status);
        if (expected != ProgressStatus.Achieved) Assert.Equal((decimal)targetValue, result.TargetValue);
        AssertRatio(expectedRatio, result);
    }

    [Fact]
    public void Seed_VinhPhuc_RdStaffAtLeast12Per10000()
    {
        // Vĩnh Phúc (vinhphuc-qd843, 2023): ≥ 12 R&D staff per 10,000 people by 2030. INVENTED 7.5 (2022), 9.0 (2025):
        // CAGRᵢ = 1.2^(1/3)−1 = 6.27 %; CAGR_T = (12/7.5)^(1/8)−1 = 1.6^(1/8)−1 = 6.05 %; R = 1.04 → on track
        var indicator = Ind(Measure.Per10000, code: "rd-staff-per-10000");
        var target = Make(indicator, Terms(Comparator.AtLeast, 12m, year: 2030), documentYear: 2023, documentCode: "vinhphuc-qd843");

        var result = ProgressEngine.Evaluate(target, indicator, Obs("2022:7.5;2025:9.0"), currentYear: 2026);

        Assert.Equal(ProgressStatus.OnTrack, result.Status);
        AssertPoints(result, baseYear: 2022m, baseValue: 7.5m, latestYear: 2025m, latestValue: 9.0m);
        Assert.Equal(12m, result.TargetValue);
        Assert.Equal(0.0627, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(0.0605, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(1.04, Math.Round(result.Ratio!.Value, 2));
    }

    [Fact]
    public void Seed_VinhPhuc_DtiRankTop15By2030()
    {
        // Vĩnh Phúc (vinhphuc-qd843, 2023): DTI within the top 15 by 2030. INVENTED rank 28 (2023), 22 (2026):
        // CAGRᵢ = (22/28)^(1/3)−1 = −7.72 %; CAGR_T = (15/28)^(1/7)−1 = −8.53 %; R = −1·−7.72/8.53 = 0.91 → needs acceleration
        var indicator = Ind(Measure.Rank, code: "dti-rank");
        var target = Make(indicator, Terms(Comparator.RankWithinTop, 15m, year: 2030), documentYear: 2023, documentCode: "vinhphuc-qd843");

        var result = ProgressEngine.Evaluate(target, indicator, Obs("2023:28;2026:22"), currentYear: 2026);

        Assert.Equal(ProgressStatus.NeedsAcceleration, result.Status);
        Assert.Equal(2023m, result.BaseYear);
        Assert.Equal(28m, result.BaseValue);
        Assert.Equal(22m, result.LatestValue);
        Assert.Equal(15m, result.TargetValue);
        Assert.Equal(-0.0772, Math.Round(result.CurrentGrowth!.Value, 4));
        Assert.Equal(-0.0853, Math.Round(result.RequiredGrowth!.Value, 4));
        Assert.Equal(0.91, Math.Round(result.Ratio!.Value, 2));
    }
}

/// <summary>Cases the first review found the engine got wrong, kept so they stay right.</summary>
public sealed class ProgressEngineRegressionTests
{
    [Fact]
    public void AMilestoneReachedOnlyAfterItsYearIsNotAchieved()
    {
        var document = new Domain.Catalogue.PolicyDocument("kh-5g", Samples.DocumentDetails(2024));
        var milestone = new Domain.Catalogue.Indicator("province-wide-5g", Samples.IndicatorDetails(Domain.Catalogue.Measure.Milestone));
        var target = Domain.Catalogue.Target.Create(document, Samples.Unit(), milestone,
            Samples.Terms(value: null, comparator: Domain.Catalogue.Comparator.MilestoneReached, year: 2025), new Domain.Catalogue.TargetSource(null, null), false);

        var result = Domain.Progress.ProgressEngine.Evaluate(target, milestone, [new(2025, 0), new(2027, 1)], currentYear: 2028);

        Assert.Equal(Domain.Progress.ProgressStatus.NotAchieved, result.Status);
    }
}
