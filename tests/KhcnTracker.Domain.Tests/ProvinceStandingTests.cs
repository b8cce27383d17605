using KhcnTracker.Domain.Progress;
using static KhcnTracker.Domain.Progress.ProgressStatus;

namespace KhcnTracker.Domain.Tests;

public sealed class ProvinceStandingTests
{
    [Theory]
    [InlineData(new[] { OnTrack, NeedsAcceleration, NoData }, NeedsAcceleration)] // the target furthest behind speaks for the province
    [InlineData(new[] { Achieved, OnTrack }, OnTrack)]
    [InlineData(new[] { OffTrack, Regressing, OnTrack }, Regressing)]
    [InlineData(new[] { NotAchieved, Regressing }, NotAchieved)] // a target year passed unmet is the worst news
    [InlineData(new[] { Achieved, NotEnoughData }, Achieved)] // what can be assessed comes before what cannot
    [InlineData(new[] { NoData, NotComputable, NotEnoughData }, NotEnoughData)]
    [InlineData(new[] { NoData, NoData }, NoData)]
    public void TheTileShowsTheHeadlineTargetFurthestBehind(ProgressStatus[] statuses, ProgressStatus expected) =>
        Assert.Equal(expected, ProvinceStanding.Of(statuses));

    [Fact]
    public void AProvinceWithoutTargetsHasNoStanding() => Assert.Null(ProvinceStanding.Of([]));
}
