namespace KhcnTracker.Domain.Tests;

public class AdministrativeUnitTests
{
    private static readonly DateOnly MergerDay = new(2025, 7, 1);

    private static IReadOnlyDictionary<string, AdministrativeUnit> Units(params AdministrativeUnit[] units) =>
        units.ToDictionary(u => u.Code);

    private static IReadOnlyDictionary<string, AdministrativeUnit> VinhPhucIntoPhuTho() => Units(
        new AdministrativeUnit("vinhphuc", "Vĩnh Phúc", "Vinh Phuc", UnitLevel.Province, "phutho", MergerDay),
        new AdministrativeUnit("phutho", "Phú Thọ", "Phu Tho", UnitLevel.Province, null, null));

    [Fact]
    public void AdministrativeUnit_ReportsForItselfTheDayBeforeItsMerger() =>
        Assert.Equal("vinhphuc", AdministrativeUnit.ReportingUnitFor("vinhphuc", new DateOnly(2025, 6, 30), VinhPhucIntoPhuTho()));

    [Fact]
    public void AdministrativeUnit_ReportsThroughItsSuccessorFromTheMergerDay() =>
        Assert.Equal("phutho", AdministrativeUnit.ReportingUnitFor("vinhphuc", MergerDay, VinhPhucIntoPhuTho()));

    [Fact]
    public void AdministrativeUnit_ReportsThroughItsSuccessorAfterTheMergerDay() =>
        Assert.Equal("phutho", AdministrativeUnit.ReportingUnitFor("vinhphuc", new DateOnly(2030, 1, 1), VinhPhucIntoPhuTho()));

    [Fact]
    public void AdministrativeUnit_WithoutMergerAlwaysReportsForItself() =>
        Assert.Equal("phutho", AdministrativeUnit.ReportingUnitFor("phutho", new DateOnly(2030, 1, 1), VinhPhucIntoPhuTho()));

    [Fact]
    public void AdministrativeUnit_FollowsAChainOfMergers()
    {
        var units = Units(
            new AdministrativeUnit("a", "A", "A", UnitLevel.Province, "b", new DateOnly(2020, 1, 1)),
            new AdministrativeUnit("b", "B", "B", UnitLevel.Province, "c", new DateOnly(2025, 7, 1)),
            new AdministrativeUnit("c", "C", "C", UnitLevel.Province, null, null));

        Assert.Equal("a", AdministrativeUnit.ReportingUnitFor("a", new DateOnly(2019, 12, 31), units));
        Assert.Equal("b", AdministrativeUnit.ReportingUnitFor("a", new DateOnly(2022, 1, 1), units));
        Assert.Equal("c", AdministrativeUnit.ReportingUnitFor("a", new DateOnly(2026, 1, 1), units));
    }

    [Fact]
    public void AdministrativeUnit_StopsOnACycleOfSuccessorsInsteadOfLoopingForever()
    {
        var units = Units(
            new AdministrativeUnit("a", "A", "A", UnitLevel.Province, "b", new DateOnly(2020, 1, 1)),
            new AdministrativeUnit("b", "B", "B", UnitLevel.Province, "a", new DateOnly(2020, 1, 1)));

        Assert.Equal("b", AdministrativeUnit.ReportingUnitFor("a", new DateOnly(2026, 1, 1), units));
    }

    [Fact]
    public void AdministrativeUnit_ExistsUntilTheDayBeforeItsMerger()
    {
        var unit = VinhPhucIntoPhuTho()["vinhphuc"];

        Assert.True(unit.ExistsOn(new DateOnly(2025, 6, 30)));
        Assert.False(unit.ExistsOn(MergerDay));
    }

    [Theory]
    [InlineData("vinhphuc", "Vĩnh Phúc", "phutho", false, "unit.merger-date-missing")] // a successor needs the merger's date
    [InlineData("phutho", "Phú Thọ", "phutho", true, "unit.self-successor")]
    [InlineData("Phú Thọ", "Phú Thọ", null, false, "slug.invalid")] // the code is a slug
    [InlineData("vinhphuc", "Vĩnh Phúc", "Phú Thọ", true, "slug.invalid")] // and so is the successor's
    [InlineData("phutho", "  ", null, false, "unit.name-missing")]
    public void AdministrativeUnit_RefusesAnInvalidUnit(string code, string nameVi, string? successor, bool merged, string rule)
    {
        var error = Assert.Throws<DomainException>(() =>
            new AdministrativeUnit(code, nameVi, "Unit", UnitLevel.Province, successor, merged ? MergerDay : null));
        Assert.Equal(rule, error.Code);
    }

    [Fact]
    public void AdministrativeUnit_IsFoundByItsNameWithoutDiacritics()
    {
        var unit = new AdministrativeUnit("phutho", " Phú Thọ ", "Phu Tho Province", UnitLevel.Province, null, null);

        Assert.Equal("Phú Thọ", unit.NameVi);
        Assert.Equal("phu tho phu tho province", unit.SearchText);
    }

    [Fact]
    public void AdministrativeUnit_RenameUpdatesTheSearchText()
    {
        var unit = new AdministrativeUnit("phutho", "Phú Thọ", "Phu Tho", UnitLevel.Province, null, null);

        unit.Rename("Tỉnh Phú Thọ", "Phu Tho Province");

        Assert.Equal("Tỉnh Phú Thọ", unit.NameVi);
        Assert.Equal("tinh phu tho phu tho province", unit.SearchText);
    }
}
