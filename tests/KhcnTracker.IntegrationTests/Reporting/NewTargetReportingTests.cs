using KhcnTracker.Application.Reporting;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>What an administrator adds to the catalogue is reportable at once, in the running portal, without a restart.</summary>
public sealed class NewTargetReportingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ANewTargetIsReportedByStaffAtOnce()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContextFactory>();
        var admin = TestCaller.Administrator();
        using var staff = await portal.CreateClientForAsync("staff.phutho@demo.local");
        await new SaveIndicator(db, admin, new SaveIndicatorValidator()).HandleAsync(new SaveIndicatorCommand(
            "ai-startup-count", null, "Số doanh nghiệp khởi nghiệp trí tuệ nhân tạo", "AI start-ups", ["dmst"], "count", "higher", 0, false, null, null, null, false, PlausibilityBand.None));
        var value = new { unit = "phutho", indicator = "ai-startup-count", period = "2025", value = 4m, source = "Sở KH&CN" };
        // An indicator no target uses is reported by nobody yet.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/values", value)).StatusCode);

        await new SaveTarget(db, admin, new SaveTargetValidator()).HandleAsync(new SaveTargetCommand(
            null, null, "vinhphuc-ctr57", "phutho", "ai-startup-count", 2030, "ge", 20m, null, null, null, null, null, null, null));

        // Phú Thọ's Department of Science and Technology reports it, by the rule applied at start-up.
        var assignment = Assert.Single(await new Assignments(db, admin).ListAsync("phutho"), a => a.Indicator == "ai-startup-count");
        Assert.Equal("skhcn", assignment.Agency);
        var saved = await staff.PostAsJsonAsync("/api/v1/values", value);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        Assert.True((await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).IsSuccessStatusCode);
    }
}
