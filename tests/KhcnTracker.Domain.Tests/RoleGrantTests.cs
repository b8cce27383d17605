using KhcnTracker.Domain.Access;

namespace KhcnTracker.Domain.Tests;

public class RoleGrantTests
{
    private static void AssertRefused(string code, Func<RoleGrant> create) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => create()).Code);

    /// <summary>phutho took in vinhphuc (and others); every other unit has no predecessors.</summary>
    private static IEnumerable<string> WithPredecessors(string unit) =>
        unit == "phutho" ? ["phutho", "vinhphuc", "hoabinh"] : [unit];

    // ---- valid grants

    [Fact]
    public void RoleGrant_AnAdministratorHasNoScope()
    {
        var grant = new RoleGrant(Role.Administrator);

        Assert.Equal(Role.Administrator, grant.Role);
        Assert.Null(grant.UnitCode);
        Assert.Null(grant.AgencyCode);
    }

    [Fact]
    public void RoleGrant_DepartmentStaffAreScopedToOneAgencyOfOneProvince()
    {
        var grant = new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn");

        Assert.Equal(Role.DepartmentStaff, grant.Role);
        Assert.Equal("laocai", grant.UnitCode);
        Assert.Equal("skhcn", grant.AgencyCode);
    }

    [Fact]
    public void RoleGrant_AReviewerIsScopedToOneProvince()
    {
        var grant = new RoleGrant(Role.Reviewer, "phutho");

        Assert.Equal("phutho", grant.UnitCode);
        Assert.Null(grant.AgencyCode);
    }

    [Theory]
    [InlineData(Role.Leadership, null)]
    [InlineData(Role.Leadership, "laocai")]
    [InlineData(Role.Auditor, null)]
    [InlineData(Role.Auditor, "laocai")]
    public void RoleGrant_LeadershipAndAuditorsReadOneProvinceOrTheWholeCountry(Role role, string? unit)
    {
        var grant = new RoleGrant(role, unit);

        Assert.Equal(role, grant.Role);
        Assert.Equal(unit, grant.UnitCode);
        Assert.Null(grant.AgencyCode);
    }

    // ---- invalid grants

    [Fact]
    public void RoleGrant_RefusesAnAdministratorWithAUnit() =>
        AssertRefused("grant.admin-scoped", () => new RoleGrant(Role.Administrator, "laocai"));

    [Fact]
    public void RoleGrant_RefusesAnAdministratorWithAnAgency() =>
        AssertRefused("grant.admin-scoped", () => new RoleGrant(Role.Administrator, "laocai", "skhcn"));

    [Theory]
    [InlineData(null, null)]
    [InlineData("laocai", null)]
    [InlineData(null, "skhcn")]
    public void RoleGrant_RefusesDepartmentStaffWithoutAUnitAndAnAgency(string? unit, string? agency) =>
        AssertRefused("grant.staff-needs-agency", () => new RoleGrant(Role.DepartmentStaff, unit, agency));

    [Fact]
    public void RoleGrant_RefusesAReviewerWithoutAUnit() =>
        AssertRefused("grant.reviewer-needs-unit", () => new RoleGrant(Role.Reviewer));

    [Fact]
    public void RoleGrant_RefusesAReviewerWithAnAgency() =>
        AssertRefused("grant.agency-only-for-staff", () => new RoleGrant(Role.Reviewer, "laocai", "skhcn"));

    [Theory]
    [InlineData(null)]
    [InlineData("laocai")]
    public void RoleGrant_RefusesLeadershipWithAnAgency(string? unit) =>
        AssertRefused("grant.agency-only-for-staff", () => new RoleGrant(Role.Leadership, unit, "skhcn"));

    [Fact]
    public void RoleGrant_RefusesAnAuditorWithAnAgency() =>
        AssertRefused("grant.agency-only-for-staff", () => new RoleGrant(Role.Auditor, "laocai", "skhcn"));

    [Fact]
    public void RoleGrant_RefusesAUnitThatIsNotACode() =>
        AssertRefused("slug.invalid", () => new RoleGrant(Role.Reviewer, "Lào Cai"));

    // ---- text form

    [Theory]
    [InlineData("DepartmentStaff:laocai:skhcn")]
    [InlineData("Leadership")]
    [InlineData("Reviewer:phutho")]
    [InlineData("Administrator")]
    [InlineData("Auditor:laocai")]
    public void RoleGrant_ReadsBackWhatItWrites(string text)
    {
        var grant = RoleGrant.Parse(text);

        Assert.Equal(text, grant.ToString());
        Assert.Equal(grant, RoleGrant.Parse(grant.ToString()));
    }

    [Fact]
    public void RoleGrant_WritesRoleUnitAndAgency()
    {
        Assert.Equal("DepartmentStaff:laocai:skhcn", new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn").ToString());
        Assert.Equal("Reviewer:phutho", new RoleGrant(Role.Reviewer, "phutho").ToString());
        Assert.Equal("Leadership", new RoleGrant(Role.Leadership).ToString());
    }

    [Fact]
    public void RoleGrant_ParseReadsEveryPart()
    {
        var grant = RoleGrant.Parse("DepartmentStaff:laocai:skhcn");

        Assert.Equal(new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn"), grant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("junk")]
    [InlineData("Boss:laocai")]
    [InlineData("DepartmentStaff:laocai:skhcn:extra")]
    public void RoleGrant_ParseRefusesWhatIsNotAGrant(string text) =>
        AssertRefused("grant.invalid", () => RoleGrant.Parse(text));

    [Fact]
    public void RoleGrant_ParseChecksTheScopeRules() =>
        AssertRefused("grant.reviewer-needs-unit", () => RoleGrant.Parse("Reviewer"));

    // ---- covers

    [Fact]
    public void RoleGrant_CoversItsOwnUnit() =>
        Assert.True(new RoleGrant(Role.Reviewer, "phutho").Covers("phutho", WithPredecessors));

    [Theory]
    [InlineData("vinhphuc")]
    [InlineData("hoabinh")]
    public void RoleGrant_CoversTheUnitsMergedIntoItsUnit(string predecessor) =>
        Assert.True(new RoleGrant(Role.Reviewer, "phutho").Covers(predecessor, WithPredecessors));

    [Fact]
    public void RoleGrant_DoesNotCoverAnotherUnit() =>
        Assert.False(new RoleGrant(Role.Reviewer, "phutho").Covers("laocai", WithPredecessors));

    [Fact]
    public void RoleGrant_AGrantForAFormerUnitDoesNotCoverItsSuccessor() =>
        Assert.False(new RoleGrant(Role.Reviewer, "vinhphuc").Covers("phutho", WithPredecessors));

    [Fact]
    public void RoleGrant_StaffCoverTheirProvinceFollowingPredecessors() =>
        Assert.True(new RoleGrant(Role.DepartmentStaff, "phutho", "skhcn").Covers("vinhphuc", WithPredecessors));

    [Theory]
    [InlineData(Role.Leadership)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Administrator)]
    public void RoleGrant_AGrantWithoutAUnitCoversEveryUnit(Role role)
    {
        var grant = new RoleGrant(role);

        Assert.True(grant.Covers("laocai", WithPredecessors));
        Assert.True(grant.Covers("vinhphuc", _ => throw new InvalidOperationException("not needed without a unit")));
    }
}
