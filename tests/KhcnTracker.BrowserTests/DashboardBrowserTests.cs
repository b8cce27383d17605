namespace KhcnTracker.BrowserTests;

/// <summary>A leader's own dashboard through the pages: made, saved, opened by a colleague, closed to another province.</summary>
public sealed class DashboardBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static readonly string[] Cards =
    [
        "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
        "Tỷ trọng kinh tế số trong GRDP (GDP)",
        "Tỷ lệ giao dịch không dùng tiền mặt",
        "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo",
    ];

    [Fact]
    public async Task ALeaderMakesADashboardOfFourCards_AColleagueOpensIt_ALeaderOfAnotherProvinceCannot()
    {
        var page = await session.OpenSignedInAsync("leader.phutho@demo.local", "/progress/dashboards");
        await page.GetByTestId("dashboard-new").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=dashboard-name]").FillAsync("Chuyển đổi số — lãnh đạo tỉnh");
        foreach (var name in Cards)
        {
            await dialog.GetByTestId("dashboard-add").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        }
        await Assertions.Expect(dialog.GetByTestId("dashboard-chosen").Locator("li")).ToHaveCountAsync(4);
        await BrowserSession.ScreenshotAsync(page, "dashboard-editor");
        await dialog.GetByTestId("dashboard-save").ClickAsync();

        await page.WaitForURLAsync("**/progress/dashboards/*");
        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("Chuyển đổi số — lãnh đạo tỉnh");
        var cards = page.GetByTestId("dashboard-cards").Locator(".headline-card");
        await Assertions.Expect(cards).ToHaveCountAsync(4);
        await Assertions.Expect(cards.First).ToContainTextAsync(Cards[0]); // in the order chosen
        await Assertions.Expect(page.GetByTestId("dashboard-table").Locator("tbody tr")).ToHaveCountAsync(4);
        await BrowserSession.ScreenshotAsync(page, "dashboard-leader");
        var address = page.Url;

        // A colleague of the same province opens it (and may not change it); it is listed for the province.
        var colleague = await session.OpenSignedInAsync("reviewer.phutho@demo.local", new Uri(address).PathAndQuery);
        await Assertions.Expect(colleague.GetByTestId("dashboard-cards").Locator(".headline-card")).ToHaveCountAsync(4);
        await Assertions.Expect(colleague.GetByTestId("dashboard-edit")).ToHaveCountAsync(0);
        await colleague.GotoAsync(session.Portal.RootUrl + "/progress/units/phutho/dashboards");
        await Assertions.Expect(colleague.GetByTestId("dashboards-list")).ToContainTextAsync("Chuyển đổi số — lãnh đạo tỉnh");
        await BrowserSession.ScreenshotAsync(colleague, "dashboard-colleague");

        var stranger = await session.OpenSignedInAsync("leader.laocai@demo.local", new Uri(address).PathAndQuery);
        await Assertions.Expect(stranger.GetByTestId("dashboard-error")).ToContainTextAsync("Không tìm thấy bảng");
        await Assertions.Expect(stranger.GetByTestId("dashboard-cards")).ToHaveCountAsync(0);
    }
}
