using Microsoft.Playwright;

namespace KhcnTracker.Benchmarks;

/// <summary>What the benchmarks that serve pages share: the portal's content root, Debian's Chromium, a signed-in cookie.</summary>
internal static class BenchmarkHost
{
    /// <summary>Outside a test run the in-process portal cannot guess where its files are: say it.</summary>
    public static void UseRepositoryContentRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "KhcnTracker.sln"))) root = Path.GetDirectoryName(root)!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KHCNTRACKER_WEB", Path.Combine(root, "src", "KhcnTracker.Web"));
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright, params string[] extraArgs) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("KHCN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", .. extraArgs],
    });

    /// <summary>Signs a demo account in once; contexts made with the returned state share its cookie.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, string root, string email)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(root + "/account/login");
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(Testing.PortalFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        var state = await context.StorageStateAsync();
        await context.CloseAsync();
        return state;
    }
}
