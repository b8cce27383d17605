namespace KhcnTracker.BrowserTests;

/// <summary>The error pages as a person meets them: in Vietnamese, with the way home, without a circuit.</summary>
public sealed class ErrorPageBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task AnUnknownAddressShowsTheNotFoundPageInVietnamese()
    {
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(session.Portal.RootUrl + "/khong-co-trang-nay");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByTestId("error-title")).ToHaveTextAsync("Không tìm thấy trang");
        await Assertions.Expect(page.GetByTestId("error-text")).ToContainTextAsync("không tồn tại");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Về trang chủ" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "error-not-found");

        await page.GetByRole(AriaRole.Link, new() { Name = "Về trang chủ" }).ClickAsync();
        await BrowserSession.WaitForCircuitAsync(page); // back in the interactive portal
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Theo dõi thực hiện Nghị quyết 57-NQ/TW");
        await context.CloseAsync();
    }
}
