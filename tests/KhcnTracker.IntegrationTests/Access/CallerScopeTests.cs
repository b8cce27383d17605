using KhcnTracker.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// The caller's reach over the shipped provinces and their 2025 mergers (Vĩnh Phúc and Hòa Bình into Phú Thọ, Yên Bái
/// into Lào Cai, Quảng Bình into Quảng Trị), as every progress page, export and selector now reads it.
/// </summary>
public sealed class CallerScopeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly ServiceProvider Services = UseCaseServices.Create();

    private async Task<CallerScope> ScopeOfAsync(params RoleGrant[] grants) => await ScopeOfAsync(new TestCaller("scope.test@demo.local", grants));

    private async Task<CallerScope> ScopeOfAsync(ICurrentUser caller)
    {
        await using var db = await new AppDbContextFactory(database.Factory).CreateAsync();
        return await CallerScope.LoadAsync(db, caller, default);
    }

    [Fact]
    public async Task A_provinces_reviewer_reads_it_and_the_provinces_merged_into_it_and_nothing_else()
    {
        var scope = await ScopeOfAsync(new RoleGrant(Role.Reviewer, "phutho"));

        Assert.Equal(new[] { "hoabinh", "phutho", "vinhphuc" }, scope.ReadableUnits.Order());
        Assert.Equal(new[] { "phutho" }, scope.Provinces.Select(p => p.Code));
        Assert.Equal("phutho", scope.OwnProvince);
        Assert.Equal(new[] { "hoabinh", "phutho", "vinhphuc" }, scope.Require("phutho").Order());
        Assert.Equal(new[] { "vinhphuc" }, scope.Require("vinhphuc"));
        // A former province's rows may stand under the province that took it over.
        Assert.Equal(new[] { "phutho", "vinhphuc" }, scope.RequireWithSuccessors("vinhphuc").Order());
        Assert.Throws<AccessDeniedException>(() => scope.Require("laocai"));
        Assert.Throws<AccessDeniedException>(() => scope.Require("yenbai"));
        Assert.Throws<NotFoundException>(() => scope.Require("khong-co"));
    }

    [Fact]
    public async Task National_roles_and_administrators_read_every_unit_and_have_no_province_of_their_own()
    {
        foreach (var grant in new[] { new RoleGrant(Role.Leadership), new RoleGrant(Role.Auditor), new RoleGrant(Role.Administrator) })
        {
            var scope = await ScopeOfAsync(grant);
            Assert.Equal(scope.Units.Select(u => u.Code).Order(), scope.ReadableUnits.Order());
            // Every provincial unit of today (the 34 since 1 July 2025), none of the former ones.
            Assert.Equal(34, scope.Provinces.Count);
            Assert.Contains(scope.Provinces, p => p.Code == "phutho");
            Assert.DoesNotContain(scope.Provinces, p => p.Code == "vinhphuc");
            Assert.Null(scope.OwnProvince);
        }
    }

    [Fact]
    public async Task Nobody_signed_in_reads_nothing_and_is_refused_a_known_unit()
    {
        var scope = await ScopeOfAsync(new TestCaller(null, new RoleGrant(Role.Leadership)));
        Assert.Empty(scope.ReadableUnits);
        Assert.Empty(scope.Provinces);
        Assert.Throws<AccessDeniedException>(() => scope.Require("phutho"));
    }

    [Fact]
    public async Task My_provinces_are_the_provinces_read_the_own_one_and_those_reviewed()
    {
        var caller = new TestCaller("scope.test@demo.local", new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn"), new RoleGrant(Role.Reviewer, "laocai"));
        using var scope = Services.CreateScope();
        var mine = await scope.Use<ListMyProvinces>(caller, new AppDbContextFactory(database.Factory)).HandleAsync();

        Assert.Equal(new[] { "laocai" }, mine.Provinces.Select(p => p.Code));
        Assert.Equal(new[] { "laocai" }, mine.Units.Select(p => p.Code));
        Assert.Equal("laocai", mine.First);
        Assert.Equal(new[] { "laocai" }, mine.Reviewing);

        using var other = Services.CreateScope();
        var national = await other.Use<ListMyProvinces>(new TestCaller("scope.test@demo.local", new RoleGrant(Role.Leadership)), new AppDbContextFactory(database.Factory)).HandleAsync();
        Assert.Null(national.Own);
        Assert.Empty(national.Reviewing);
        Assert.Contains(national.Units, u => u.Code == "vn");
        Assert.DoesNotContain(national.Provinces, u => u.Code is "vn" or "vinhphuc");
        Assert.Equal(national.Provinces[0].Code, national.First);
    }

    /// <summary>A caller whose grants change between two actions, as a circuit's <c>PortalUser</c> does when a grant is revoked.</summary>
    private sealed class ChangingCaller(params RoleGrant[] grants) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Account => "scope.test@demo.local";
        public string? Name => Account;
        public IReadOnlyList<RoleGrant> Grants { get; set; } = grants;
    }

    [Fact]
    public async Task One_scope_serves_a_request_or_circuit_until_the_grants_change_or_its_lifetime_ends()
    {
        var clock = TestClock.Create();
        var scopes = new CallerScopes(clock);
        await using var db = await new AppDbContextFactory(database.Factory).CreateAsync();
        var caller = new ChangingCaller(new RoleGrant(Role.Reviewer, "phutho"));

        var first = await scopes.ForAsync(db, caller, default);
        Assert.Same(first, await scopes.ForAsync(db, caller, default));
        Assert.True(first.CanRead("vinhphuc"));

        // The grant is revoked (and another given): the next action's scope is built from the grants of now.
        caller.Grants = [new RoleGrant(Role.Reviewer, "laocai")];
        var revoked = await scopes.ForAsync(db, caller, default);
        Assert.False(revoked.CanRead("phutho"));
        Assert.False(revoked.CanRead("vinhphuc"));
        Assert.True(revoked.CanRead("yenbai"));

        // Unchanged grants: kept for its lifetime, then read again (a circuit lives for hours; the units may change).
        clock.Advance(CallerScopes.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Same(revoked, await scopes.ForAsync(db, caller, default));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotSame(revoked, await scopes.ForAsync(db, caller, default));
    }
}
