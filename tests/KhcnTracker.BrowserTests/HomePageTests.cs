namespace KhcnTracker.BrowserTests;

public sealed class HomePageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task TheHomePageIsInVietnameseAndTheLanguageSwitchTurnsItIntoEnglish()
    {
        var page = await session.OpenAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Theo dõi thực hiện Nghị quyết 57-NQ/TW");
        await Assertions.Expect(page.Locator(".app-title")).ToHaveTextAsync("Theo dõi chỉ tiêu KHCN, ĐMST và CĐS");
        await BrowserSession.ScreenshotAsync(page, "home-vi");

        await page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.GetByTestId("language-en").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/culture"));
        await BrowserSession.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tracking Resolution 57-NQ/TW");
        await BrowserSession.ScreenshotAsync(page, "home-en");

        // The choice persists: a new visit stays in English.
        await page.GotoAsync(session.Portal.RootUrl + "/");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tracking Resolution 57-NQ/TW");
    }
}
