namespace KhcnTracker.BrowserTests;

/// <summary>The app served on a loopback port and Debian's Chromium, headless, driven by Playwright.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public PortalFactory Portal { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Portal).InitializeAsync();
        Portal.StartOnPort();
        var chromium = Environment.GetEnvironmentVariable("KHCN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium was not found at {chromium}: run `sudo apt-get install -y chromium` or set KHCN_CHROMIUM.");
        // Two cores run two test projects at once: give the circuit time before an expectation fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new page on <paramref name="path"/>, returned once the Blazor circuit is live.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await OpenStaticAsync(path);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>A page rendered once on the server, without a circuit (the open pages, the error pages), signed out.</summary>
    public async Task<IPage> OpenStaticAsync(string path)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Portal.RootUrl + path);
        return page;
    }

    /// <summary>A new page signed in as a demo account, on <paramref name="path"/>, once the circuit is live.</summary>
    public async Task<IPage> OpenSignedInAsync(string email, string path)
    {
        var page = await OpenAsync("/account/login?returnUrl=" + Uri.EscapeDataString(path));
        await SignInAsync(page, email, Testing.PortalFactory.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitForCircuitAsync(page);
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>
    /// Chooses a file in an upload control and waits for <paramref name="outcome"/>. Blazor wires a file input up by
    /// JS interop after its first render, so a file chosen in that instant is lost: choose it again, as a person would.
    /// </summary>
    public static async Task UploadAsync(IPage page, string testId, FilePayload file, ILocator outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId(testId).SetInputFilesAsync(file);
            try
            {
                await Assertions.Expect(outcome.First).ToBeVisibleAsync(new() { Timeout = 7_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>Saves a screenshot under artifacts/screenshots at the repository's root, for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), name + ".png"), FullPage = true });

    /// <summary>artifacts/screenshots at the repository's root.</summary>
    public static string ScreenshotFolder()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "KhcnTracker.sln"))) root = Path.GetDirectoryName(root);
        var folder = Path.Combine(root ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)Portal).DisposeAsync();
    }
}
