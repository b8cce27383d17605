using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Tests;

/// <summary>A figure far from the last approved one, or outside the indicator's expected range, is questioned — never refused.</summary>
public class PlausibilityBandTests
{
    [Fact]
    public void WithoutABand_AChangeOfMoreThanHalfFromTheLastFigureIsWarnedAbout_EitherWay()
    {
        var band = PlausibilityBand.None;

        Assert.Equal(50, band.JumpPercent);
        // 10 → 15 is +50 %: at the threshold, not beyond it; 10 → 15.1 is +51 %; 10 → 4.9 is −51 %.
        Assert.Empty(band.Check(15m, 10m));
        Assert.Empty(band.Check(5m, 10m));
        Assert.Equal([PlausibilityWarning.JumpFromLast], band.Check(15.1m, 10m));
        Assert.Equal([PlausibilityWarning.JumpFromLast], band.Check(4.9m, 10m));
        // Nothing to compare with: nothing to say.
        Assert.Empty(band.Check(1_000_000m, null));
    }

    [Fact]
    public void TheIndicatorsOwnThresholdReplacesTheDefault()
    {
        var band = PlausibilityBand.Of(null, null, 20);

        // 40 → 47 is +17.5 %, 40 → 49 is +22.5 %.
        Assert.Empty(band.Check(47m, 40m));
        Assert.Equal([PlausibilityWarning.JumpFromLast], band.Check(49m, 40m));
        Assert.Equal(22.5m, PlausibilityBand.JumpOf(49m, 40m));
    }

    [Fact]
    public void AFigureOutsideTheExpectedRangeIsWarnedAbout_AndAJumpToo()
    {
        var band = PlausibilityBand.Of(0m, 100m, null);

        Assert.Equal([PlausibilityWarning.BelowExpectedMin], band.Check(-1m, null));
        Assert.Equal([PlausibilityWarning.AboveExpectedMax], band.Check(100.5m, null));
        Assert.Empty(band.Check(100m, 90m));
        // 30 → 120: above the maximum, and +300 %.
        Assert.Equal([PlausibilityWarning.AboveExpectedMax, PlausibilityWarning.JumpFromLast], band.Check(120m, 30m));
    }

    [Fact]
    public void FromALastFigureOfZero_AnyOtherFigureIsAJump_AndZeroIsNot()
    {
        Assert.Null(PlausibilityBand.JumpOf(3m, 0m));
        Assert.Equal([PlausibilityWarning.JumpFromLast], PlausibilityBand.None.Check(3m, 0m));
        Assert.Empty(PlausibilityBand.None.Check(0m, 0m));
        // From a negative figure the change is measured against its size: −10 → −4 is +60 %.
        Assert.Equal(60m, PlausibilityBand.JumpOf(-4m, -10m));
    }

    [Theory]
    [InlineData(5, 4, null, "indicator.band-min-above-max")]
    [InlineData(null, null, 0, "indicator.band-jump-out-of-range")]
    [InlineData(null, null, 100_001, "indicator.band-jump-out-of-range")]
    public void AnImpossibleBandIsRefused(int? min, int? max, int? percent, string code)
    {
        var refused = Assert.Throws<DomainException>(() => PlausibilityBand.Of(min, max, percent));
        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void AnEditKeepsTheBandItIsGiven_AndTheShippedCataloguesRefreshLeavesItAlone()
    {
        var indicator = new Indicator("online-share", Samples.IndicatorDetails(), PlausibilityBand.Of(1m, 90m, 30));

        Assert.True(indicator.RefreshFromCatalogue(Samples.IndicatorDetails() with { NameVi = "Tên từ tệp" }));
        Assert.Equal("Tên từ tệp", indicator.NameVi);
        Assert.Equal(PlausibilityBand.Of(1m, 90m, 30), indicator.Band);

        indicator.Edit(Samples.IndicatorDetails() with { NameVi = "Tỷ lệ trực tuyến" }, indicator.Band);
        Assert.Equal(new PlausibilityBand(1m, 90m, 30), indicator.Band);
        Assert.Equal("Tỷ lệ trực tuyến", indicator.NameVi);

        // A refused band changes nothing else either.
        Assert.Throws<DomainException>(() => indicator.Edit(Samples.IndicatorDetails() with { NameVi = "Tên khác" }, new PlausibilityBand(9m, 1m, null)));
        Assert.Equal("Tỷ lệ trực tuyến", indicator.NameVi);
        Assert.Equal(new PlausibilityBand(1m, 90m, 30), indicator.Band);

        indicator.Edit(Samples.IndicatorDetails(), PlausibilityBand.None);
        Assert.Equal(PlausibilityBand.None, indicator.Band);
        Assert.Equal(50, indicator.Band.JumpPercent);
    }
}
