using System.Diagnostics;
using KhcnTracker.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// Server memory per open Blazor circuit: N headless Chromium pages, each with its own circuit, on a main page; the
/// growth of the server's resident memory (this process hosts the server; Chromium and Playwright's driver run in
/// their own processes) divided by N. The reference is the same measure on the sign-in page — the framework's own
/// cost of a circuit with a small form — in the same run. Then every page closes and the memory is measured again.
/// </summary>
internal static class CircuitBenchmark
{
    public static async Task RunAsync(int sessions)
    {
        // Outside a test run the factory cannot guess where the portal's files are: say it.
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "KhcnTracker.sln"))) root = Path.GetDirectoryName(root)!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KHCNTRACKER_WEB", Path.Combine(root, "src", "KhcnTracker.Web"));
        await using var portal = new PortalFactory();
        await ((IAsyncLifetime)portal).InitializeAsync();
        portal.StartOnPort();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KHCN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });

        // Sign in once; every session reuses the cookie in a context of its own (its own circuit).
        var signIn = await browser.NewContextAsync();
        var page = await signIn.NewPageAsync();
        await page.GotoAsync(portal.RootUrl + "/account/login");
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.Locator("input[name=email]").FillAsync("leader.laocai@demo.local");
        await page.Locator("input[name=password]").FillAsync(PortalFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        var state = await signIn.StorageStateAsync();
        await signIn.CloseAsync();

        Console.WriteLine($"{sessions} sessions each; server RSS in MB (managed heap in brackets)");
        Console.WriteLine("| page | before | with N circuits | per circuit | after closing |");
        Console.WriteLine("|---|---|---|---|---|");
        await MeasureAsync(browser, portal.RootUrl, "/account/login", null, sessions, "sign-in page (reference)");
        await MeasureAsync(browser, portal.RootUrl, "/progress/units/laocai", state, sessions, "province overview");
        await MeasureAsync(browser, portal.RootUrl, "/catalogue/targets", state, sessions, "targets grid");
    }

    private static async Task MeasureAsync(IBrowser browser, string root, string path, string? state, int sessions, string name)
    {
        var before = Memory();
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < sessions; i++)
        {
            var context = await browser.NewContextAsync(new() { StorageState = state });
            var page = await context.NewPageAsync();
            await page.GotoAsync(root + path);
            await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
            contexts.Add(context);
        }
        await Task.Delay(2000);
        var open = Memory();
        foreach (var context in contexts) await context.CloseAsync();
        await Task.Delay(5000); // closed pages tell the server at once; their circuits go
        var after = Memory();
        Console.WriteLine($"| {name} | {before.Rss:N0} [{before.Heap:N0}] | {open.Rss:N0} [{open.Heap:N0}] | " +
                          $"{(open.Rss - before.Rss) / sessions:N2} [{(open.Heap - before.Heap) / sessions:N2}] | {after.Rss:N0} [{after.Heap:N0}] |");
    }

    private static (double Rss, double Heap) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(true) / 1048576.0);
    }
}
