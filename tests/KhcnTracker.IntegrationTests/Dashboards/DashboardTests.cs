using KhcnTracker.Application.Common;
using KhcnTracker.Application.Dashboards;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.IntegrationTests.Dashboards;

/// <summary>A leader's own dashboard: made and changed by its author, opened by the province's colleagues, by nobody else.</summary>
public sealed class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TestCaller Leader = new("leader.phutho@demo.local", new RoleGrant(Role.Leadership, "phutho"));
    private static readonly TestCaller OtherLeader = new("leader2.phutho@demo.local", new RoleGrant(Role.Leadership, "phutho"));
    private static readonly TestCaller Reviewer = new("reviewer.phutho@demo.local", new RoleGrant(Role.Reviewer, "phutho"));
    private static readonly TestCaller LaoCaiLeader = new("leader.laocai@demo.local", new RoleGrant(Role.Leadership, "laocai"));
    private static readonly TestCaller Staff = new("staff.phutho@demo.local", new RoleGrant(Role.DepartmentStaff, "phutho", "skhcn"));
    private static readonly string[] FourCards = [.. ProgressWords.Headlines.Take(4).Reverse()];

    [Fact]
    public async Task ALeaderMakesADashboardOfFourCards_AColleagueOpensIt_AnotherProvinceCannot()
    {
        var (id, _) = await Use<SaveDashboard>(Leader).HandleAsync(new SaveDashboardCommand(null, null, "phutho", "Chuyển đổi số tỉnh", FourCards));

        var seen = await Use<GetDashboard>(Reviewer).HandleAsync(id);
        Assert.Equal("Chuyển đổi số tỉnh", seen.Name);
        Assert.Equal(FourCards, seen.Cards.Select(c => c.Indicator.Code)); // in the author's order
        Assert.False(seen.CanEdit);
        // Phú Thọ's cards carry Vĩnh Phúc's targets, as the overview's do (the province of today with its former units).
        Assert.Contains(seen.Cards, c => c.Target?.Unit.Code == "vinhphuc");
        Assert.True((await Use<GetDashboard>(Leader).HandleAsync(id)).CanEdit);
        Assert.Contains(await Use<ListDashboards>(Reviewer).HandleAsync("phutho"), d => d.Id == id && d.CardCount == 4);

        await Assert.ThrowsAsync<NotFoundException>(() => Use<GetDashboard>(LaoCaiLeader).HandleAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Use<ListDashboards>(LaoCaiLeader).HandleAsync("phutho"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Use<SaveDashboard>(LaoCaiLeader).HandleAsync(new SaveDashboardCommand(null, null, "phutho", "x", FourCards)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Use<SaveDashboard>(Staff).HandleAsync(new SaveDashboardCommand(null, null, "phutho", "x", FourCards)));
    }

    [Fact]
    public async Task OnlyTheAuthorChangesIt_AtTheVersionTheyRead_AndEveryChangeIsInTheTrail()
    {
        var (id, version) = await Use<SaveDashboard>(Leader).HandleAsync(new SaveDashboardCommand(null, null, "phutho", "Bảng của tôi", FourCards));

        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() =>
            Use<SaveDashboard>(OtherLeader).HandleAsync(new SaveDashboardCommand(id, version, "phutho", "Bảng của người khác", FourCards[..1])));
        Assert.Contains(refused.Violations, v => v.Code == "dashboard.not-author");
        var (_, changed) = await Use<SaveDashboard>(Leader).HandleAsync(new SaveDashboardCommand(id, version, "phutho", "Bảng đã sửa", FourCards[..2]));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Use<SaveDashboard>(Leader).HandleAsync(new SaveDashboardCommand(id, version, "phutho", "Bản cũ", FourCards)));

        var now = await Use<GetDashboard>(Reviewer).HandleAsync(id);
        Assert.Equal(("Bảng đã sửa", 2), (now.Name, now.Cards.Count));
        await Assert.ThrowsAsync<CommandRejectedException>(() => Use<DeleteDashboard>(OtherLeader).HandleAsync(id, changed));
        await Use<DeleteDashboard>(Leader).HandleAsync(id, changed);
        await Assert.ThrowsAsync<NotFoundException>(() => Use<GetDashboard>(Leader).HandleAsync(id));

        await using var scope = portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        var trail = db.AuditLog.Where(a => a.Entity == "dashboard" && a.EntityKey == id.ToString()).Select(a => a.Action).ToList();
        Assert.Equal(["create", "update", "delete"], trail);
    }

    [Fact]
    public async Task ABadDashboardIsRefusedWithItsReason_AndLeavesNoRow()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IAppDbContextFactory>().CreateAsync();
        var before = db.Dashboards.Count();
        var many = db.Indicators.Select(i => i.Code).Take(13).ToList();

        async Task<string> RefusalOf(SaveDashboardCommand command) =>
            Assert.Single((await Assert.ThrowsAsync<CommandRejectedException>(() => Use<SaveDashboard>(Leader).HandleAsync(command))).Violations).Code;

        Assert.Equal("dashboard.too-many-cards", await RefusalOf(new(null, null, "phutho", "Quá nhiều", many)));
        Assert.Equal("dashboard.indicator-unknown", await RefusalOf(new(null, null, "phutho", "Lạ", ["khong-co-chi-tieu-nay"])));
        Assert.Equal("dashboard.card-twice", await RefusalOf(new(null, null, "phutho", "Lặp", [FourCards[0], FourCards[0]])));
        Assert.Equal("dashboard.name-missing", await RefusalOf(new(null, null, "phutho", " ", FourCards)));
        Assert.Equal(before, db.Dashboards.Count());
    }

    private T Use<T>(TestCaller caller) where T : class
    {
        var scope = portal.Services.CreateScope();
        return ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, caller);
    }
}
