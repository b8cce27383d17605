namespace KhcnTracker.BrowserTests;

/// <summary>The open pages as the public sees them, after the province's reviewer published an indicator.</summary>
public sealed class OpenPagesBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Indicator = "digital-economy-grdp-share";

    [Fact]
    public async Task TheReviewerPublishesAnIndicator_AndAnyoneSeesItsApprovedFiguresWithoutSigningIn()
    {
        await session.Portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", Indicator, TestClock.LastYear, 12.5m);

        var reviewer = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/progress/units/laocai/publish");
        var toggle = reviewer.GetByTestId($"publish-{Indicator}");
        await toggle.CheckAsync();
        await Assertions.Expect(reviewer.GetByText("Đã cập nhật trang công khai.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(reviewer, "public-publish");

        var anyone = await session.OpenStaticAsync("/public/laocai");
        await Assertions.Expect(anyone).ToHaveTitleAsync("Tiến độ thực hiện Nghị quyết 57 — Lào Cai");
        var card = anyone.GetByTestId($"card-{Indicator}");
        await Assertions.Expect(card.GetByTestId("card-latest")).ToHaveTextAsync("12,5 %");
        await BrowserSession.ScreenshotAsync(anyone, "public-province");
        await card.GetByTestId("card-open").ClickAsync();
        await anyone.WaitForURLAsync($"**/public/laocai/{Indicator}");
        await Assertions.Expect(anyone.GetByTestId("public-values")).ToContainTextAsync("12,5 %");
        await Assertions.Expect(anyone.GetByTestId("indicator-chart")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(anyone, "public-indicator");

        await anyone.GotoAsync(session.Portal.RootUrl + "/public");
        await Assertions.Expect(anyone.GetByTestId("tile-map").Locator("li a")).ToHaveCountAsync(34);
        await Assertions.Expect(anyone.GetByTestId("tile-hanoi")).ToContainTextAsync("Chưa công bố");
        await Assertions.Expect(anyone.GetByTestId("tile-laocai")).Not.ToContainTextAsync("Chưa công bố");
        await BrowserSession.ScreenshotAsync(anyone, "public-national");
    }
}
