using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// The values list follows the caller's merger-aware scope: Vĩnh Phúc merged into Phú Thọ in 2025, so Phú Thọ's reviewer
/// and leader read the values Vĩnh Phúc reported before (through the API and through the Review page's use case), and a
/// Lào Cai caller does not.
/// </summary>
public sealed class FormerUnitValuesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Period = "2024", Indicator = "digital-economy-grdp-share";

    private async Task SeedAsync()
    {
        await using var db = new AppDbContext(TestPostgres.Options(portal.ConnectionString));
        if (!db.Values.Any(v => v.UnitCode == "vinhphuc" && v.PeriodCode == Period))
            await ReportingSteps.BackfillApprovedAsync(portal.ConnectionString, Period, ("vinhphuc", Indicator, 18m));
    }

    private static async Task<List<(string Unit, decimal? Value)>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/values?period={Period}{query}")).EnumerateArray()
            .Select(v => (v.GetProperty("unit").GetString()!, v.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetProperty("value").GetDecimal()))
            .ToList();

    [Theory]
    [InlineData("reviewer.phutho@demo.local")]
    [InlineData("leader.phutho@demo.local")]
    public async Task Phu_Thos_reviewer_and_leader_list_Vinh_Phucs_values_through_the_api(string account)
    {
        await SeedAsync();
        using var client = await portal.CreateClientForAsync(account);

        Assert.Contains(("vinhphuc", 18m), await ListAsync(client, "&unit=vinhphuc"));
        Assert.Contains(("vinhphuc", 18m), await ListAsync(client, ""));
    }

    [Fact]
    public async Task A_Lao_Cai_caller_does_not_see_Vinh_Phucs_values()
    {
        await SeedAsync();
        using var client = await portal.CreateClientForAsync("leader.laocai@demo.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/values?period={Period}&unit=vinhphuc")).StatusCode);
        Assert.DoesNotContain(await ListAsync(client, ""), v => v.Unit == "vinhphuc");
    }

    [Fact]
    public async Task The_pages_use_case_lists_them_for_Phu_Tho_and_not_for_Lao_Cai()
    {
        await SeedAsync();
        await using var services = UseCaseServices.Create(portal.Clock);
        var factory = new AppDbContextFactory(TestPostgres.Factory(portal.ConnectionString));
        ListValues For(ICurrentUser caller) => services.CreateScope().Use<ListValues>(caller, factory);

        var reviewer = new TestCaller("reviewer.phutho@demo.local", new RoleGrant(Role.Reviewer, "phutho"));
        var former = await For(reviewer).HandleAsync(new ValueFilter(Unit: "vinhphuc", Period: Period));
        Assert.Equal([("vinhphuc", 18m)], former.Select(v => (v.Unit, v.Value)));
        var all = await For(reviewer).HandleAsync(new ValueFilter(Period: Period));
        Assert.Contains(all, v => v.Unit == "vinhphuc");
        Assert.All(all, v => Assert.Contains(v.Unit, new[] { "phutho", "vinhphuc", "hoabinh" }));
        // Its history opens too (the page's history dialog).
        Assert.Single(await For(reviewer).HistoryAsync(former.Single().Id));

        var laoCai = new TestCaller("leader.laocai@demo.local", new RoleGrant(Role.Leadership, "laocai"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => For(laoCai).HandleAsync(new ValueFilter(Unit: "vinhphuc", Period: Period)));
        Assert.DoesNotContain(await For(laoCai).HandleAsync(new ValueFilter(Period: Period)), v => v.Unit == "vinhphuc");
        await Assert.ThrowsAsync<NotFoundException>(() => For(laoCai).HistoryAsync(former.Single().Id));
    }
}
