using System.Collections.Concurrent;
using System.Diagnostics;
using KhcnTracker.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// N interactive sessions for T seconds, each a headless Chromium page with its own Blazor circuit, doing what people
/// do near a deadline: leaders move between the overview, an indicator and the national view; staff between their
/// worklist and a target search; reviewers between the review list and the targets; auditors the audit log. Every move
/// is a click inside the circuit (no page reload) timed until what it shows is on screen; think time 2–6 s. Reports the
/// interactions, errors (timeouts, HTTP 5xx, the circuit's error bar), latency percentiles and the server's memory
/// before, at the peak and after every session closed. The server is hosted in this process; Chromium shares a
/// bounded number of renderer processes so that the load generator fits beside the server.
/// </summary>
internal static class LoadDrill
{
    private static readonly string[] Personas = ["leader", "staff", "reviewer", "auditor"];

    public static async Task RunAsync(int sessions, int seconds)
    {
        BenchmarkHost.UseRepositoryContentRoot();
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
        await using var portal = new PortalFactory();
        await ((IAsyncLifetime)portal).InitializeAsync();
        portal.StartOnPort();
        using var playwright = await Playwright.CreateAsync();
        // Renderer processes shared by at most 12, so that the load generator fits beside the server.
        await using var browser = await BenchmarkHost.LaunchChromiumAsync(playwright, "--renderer-process-limit=12",
            "--disable-renderer-backgrounding", "--disable-background-timer-throttling");
        var states = new Dictionary<string, string>();
        foreach (var persona in Personas) states[persona] = await BenchmarkHost.SignInAsync(browser, portal.RootUrl, $"{persona}.laocai@demo.local");

        var before = Memory();
        var latencies = new ConcurrentBag<(string Move, double Ms)>();
        var errors = new ConcurrentBag<string>();
        var peak = before;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        using var sampler = new Timer(_ => { var m = Memory(collect: false); if (m.Rss > peak.Rss) peak = m; }, null, 1000, 1000);

        var watch = Stopwatch.StartNew();
        var running = Enumerable.Range(0, sessions).Select(async i =>
        {
            await Task.Delay(i * 60_000 / sessions); // people arrive over the first minute, not in one instant
            var persona = Personas[i % Personas.Length];
            var context = await browser.NewContextAsync(new() { StorageState = states[persona], ViewportSize = new() { Width = 1280, Height = 800 } });
            try
            {
                var page = await context.NewPageAsync();
                page.Response += (_, r) => { if (r.Status >= 500) errors.Add($"{r.Status} {r.Url}"); };
                await SessionAsync(page, portal.RootUrl, persona, deadline, latencies, errors, new Random(i));
            }
            catch (Exception e)
            {
                errors.Add($"{persona}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            finally
            {
                await context.CloseAsync();
            }
        }).ToList();
        await Task.WhenAll(running);
        var elapsed = watch.Elapsed.TotalSeconds;
        await Task.Delay(5000);
        var after = Memory();

        var sorted = latencies.Select(l => l.Ms).Order().ToArray();
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        Console.WriteLine($"{sessions} sessions for {seconds} s ({elapsed:N0} s with ramp-up and closing)");
        Console.WriteLine("| interactions | errors | p50 ms | p95 ms | p99 ms | server RSS before / peak / after, MB | managed heap before / after, MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {sorted.Length:N0} | {errors.Count} | {P(0.5):N0} | {P(0.95):N0} | {P(0.99):N0} | {before.Rss:N0} / {peak.Rss:N0} / {after.Rss:N0} | {before.Heap:N0} / {after.Heap:N0} |");
        foreach (var move in latencies.GroupBy(l => l.Move).OrderBy(g => g.Key))
        {
            var ms = move.Select(m => m.Ms).Order().ToArray();
            Console.WriteLine($"  {move.Key}: {ms.Length} × p50 {ms[ms.Length / 2]:N0} ms, p95 {ms[Math.Min(ms.Length - 1, (int)(0.95 * ms.Length))]:N0} ms");
        }
        foreach (var error in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10)) Console.WriteLine($"  {error.Count()}× {error.Key}");
    }

    private static async Task SessionAsync(IPage page, string root, string persona, DateTime deadline, ConcurrentBag<(string Move, double Ms)> latencies,
        ConcurrentBag<string> errors, Random random)
    {
        await Timed(latencies, $"{persona}: open", async () =>
        {
            await page.GotoAsync(root + Start(persona));
            await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
        });
        var step = 0;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(random.Next(2000, 6000));
            if (DateTime.UtcNow >= deadline) break;
            try
            {
                await Timed(latencies, $"{persona}: move {step % 3}", () => MoveAsync(page, persona, step++, random));
            }
            catch (PlaywrightException e)
            {
                errors.Add($"{persona}: {e.Message.Split('\n')[0]}");
            }
            if (await page.Locator("#blazor-error-ui").IsVisibleAsync()) errors.Add($"{persona}: the circuit's error bar");
        }
    }

    private static string Start(string persona) => persona switch
    {
        "leader" => "/progress/units/laocai",
        "staff" => "/my-work",
        "reviewer" => "/review",
        _ => "/audit",
    };

    /// <summary>One click inside the circuit and what it must show.</summary>
    private static Task MoveAsync(IPage page, string persona, int step, Random random) => (persona, step % 3) switch
    {
        ("leader", 0) => Click(page, "[data-testid='card-digital-economy-grdp-share'] [data-testid='card-open']", "[data-testid='value-table']"),
        ("leader", 1) => Click(page, "[data-testid='nav-national']", "[data-testid='heatmap']"),
        ("leader", _) => Click(page, "[data-testid='nav-progress']", "[data-testid='area-table']"),
        ("staff", 0) => Click(page, "a[href='catalogue/targets']", "[data-testid='targets-grid'] tbody tr"),
        ("staff", 1) => SearchAsync(page, random),
        ("staff", _) => Click(page, "[data-testid='nav-my-work']", "[data-testid='my-values']"),
        ("reviewer", 0) => Click(page, "a[href='catalogue/targets']", "[data-testid='targets-grid'] tbody tr"),
        ("reviewer", 1) => Click(page, "[data-testid='nav-progress']", "[data-testid='area-table']"),
        ("reviewer", _) => Click(page, "[data-testid='nav-review']", ".mud-tabs"),
        (_, 0) => Click(page, "[data-testid='nav-progress']", "[data-testid='area-table']"),
        (_, 1) => Click(page, "[data-testid='nav-audit']", "[data-testid='audit-table'] tbody tr"),
        _ => Click(page, "a[href='catalogue/tasks']", "table tbody tr"),
    };

    private static async Task Click(IPage page, string link, string shows)
    {
        await page.Locator(link).First.ClickAsync(new() { Timeout = 30_000 });
        await page.Locator(shows).First.WaitForAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Types a search without diacritics into the targets grid and waits for the filtered rows.</summary>
    private static async Task SearchAsync(IPage page, Random random)
    {
        if (!page.Url.Contains("catalogue/targets")) await Click(page, "a[href='catalogue/targets']", "[data-testid='targets-grid'] tbody tr");
        string[] words = ["kinh te so", "doanh nghiep", "ngan sach", "dich vu cong"];
        await page.GetByTestId("target-search").FillAsync(words[random.Next(words.Length)]);
        await page.Locator("[data-testid='targets-grid'] tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
    }

    private static async Task Timed(ConcurrentBag<(string Move, double Ms)> latencies, string move, Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        latencies.Add((move, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
    }

    private static (double Rss, double Heap) Memory(bool collect = true)
    {
        if (collect) { GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); }
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0);
    }
}
