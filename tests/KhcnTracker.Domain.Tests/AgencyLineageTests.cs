namespace KhcnTracker.Domain.Tests;

public class AgencyLineageTests
{
    private static readonly DateOnly MergerDay = new(2025, 7, 1);

    private static Agency Agency(string unit, string code, string? successorUnit = null, string? successor = null, DateOnly? mergedOn = null) =>
        new(unit, code, "Sở " + code, "Department " + code, successorUnit, successor, mergedOn, toBeConfirmed: false);

    private static Dictionary<(string UnitCode, string Code), Agency> Agencies(params Agency[] agencies) =>
        agencies.ToDictionary(a => (a.UnitCode, a.Code));

    /// <summary>Vĩnh Phúc's Department of Information and Communications merged into Phú Thọ's Department of Science and Technology.</summary>
    private static readonly Dictionary<(string UnitCode, string Code), Agency> VinhPhucIntoPhuTho = Agencies(
        Agency("vinhphuc", "stttt", "phutho", "skhcn", MergerDay),
        Agency("phutho", "skhcn"));

    /// <summary>x/a merged into x/b in 2024, x/b into y/c on the merger day.</summary>
    private static readonly Dictionary<(string UnitCode, string Code), Agency> ChainXaToYc = Agencies(
        Agency("x", "a", "x", "b", new DateOnly(2024, 1, 1)),
        Agency("x", "b", "y", "c", MergerDay),
        Agency("y", "c"));

    [Fact]
    public void AgencyLineage_TheDayBeforeTheMergerAnAgencyIsStillItself() =>
        Assert.Equal(("vinhphuc", "stttt"), AgencyLineage.CurrentFor("vinhphuc", "stttt", MergerDay.AddDays(-1), VinhPhucIntoPhuTho));

    [Fact]
    public void AgencyLineage_OnTheMergerDayTheSuccessorCarriesTheWork() =>
        Assert.Equal(("phutho", "skhcn"), AgencyLineage.CurrentFor("vinhphuc", "stttt", MergerDay, VinhPhucIntoPhuTho));

    [Fact]
    public void AgencyLineage_AfterTheMergerTheSuccessorCarriesTheWork() =>
        Assert.Equal(("phutho", "skhcn"), AgencyLineage.CurrentFor("vinhphuc", "stttt", new DateOnly(2026, 1, 1), VinhPhucIntoPhuTho));

    [Fact]
    public void AgencyLineage_FollowsAChainOfMergers()
    {
        Assert.Equal(("y", "c"), AgencyLineage.CurrentFor("x", "a", MergerDay, ChainXaToYc));
        Assert.Equal(("y", "c"), AgencyLineage.CurrentFor("x", "b", MergerDay, ChainXaToYc));
    }

    [Fact]
    public void AgencyLineage_StopsAtTheLinkNotYetInForce()
    {
        Assert.Equal(("x", "b"), AgencyLineage.CurrentFor("x", "a", MergerDay.AddDays(-1), ChainXaToYc));
    }

    [Fact]
    public void AgencyLineage_FollowsAChainWhoseLastAgencyIsNotListed()
    {
        var agencies = Agencies(
            Agency("x", "a", "x", "b", new DateOnly(2024, 1, 1)),
            Agency("x", "b", "y", "c", MergerDay));

        Assert.Equal(("y", "c"), AgencyLineage.CurrentFor("x", "a", MergerDay, agencies));
    }

    [Fact]
    public void AgencyLineage_AnAgencyWithoutASuccessorIsItself() =>
        Assert.Equal(("phutho", "skhcn"), AgencyLineage.CurrentFor("phutho", "skhcn", MergerDay, VinhPhucIntoPhuTho));

    [Fact]
    public void AgencyLineage_AnUnknownAgencyIsItself() =>
        Assert.Equal(("laocai", "sotc"), AgencyLineage.CurrentFor("laocai", "sotc", MergerDay, VinhPhucIntoPhuTho));

    [Fact]
    public void AgencyLineage_AnUnknownAgencyIsItselfWhenNoAgencyIsListed() =>
        Assert.Equal(("laocai", "sotc"), AgencyLineage.CurrentFor("laocai", "sotc", MergerDay, Agencies()));

    [Fact]
    public void AgencyLineage_StopsOnACycleInsteadOfLoopingForever()
    {
        var agencies = Agencies(
            Agency("x", "a", "x", "b", new DateOnly(2024, 1, 1)),
            Agency("x", "b", "x", "a", new DateOnly(2024, 1, 1)));

        var current = AgencyLineage.CurrentFor("x", "a", MergerDay, agencies);

        Assert.Contains(current, new[] { ("x", "a"), ("x", "b") });
    }
}
