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
        BenchmarkHost.UseRepositoryContentRoot();
        await using var portal = new PortalFactory();
        await ((IAsyncLifetime)portal).InitializeAsync();
        portal.StartOnPort();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchmarkHost.LaunchChromiumAsync(playwright);

        // Sign in once; every session reuses the cookie in a context of its own (its own circuit).
        var state = await BenchmarkHost.SignInAsync(browser, portal.RootUrl, "leader.laocai@demo.local");

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
