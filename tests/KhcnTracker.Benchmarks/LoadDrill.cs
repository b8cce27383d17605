using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Testing;
using KhcnTracker.Testing.Circuits;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// N interactive sessions for T seconds, each its own Blazor circuit driven by <see cref="CircuitSession"/> (the
/// protocol blazor.web.js speaks, without a browser), doing what people do near a deadline across the three provinces:
/// leaders move between the overview, an indicator and the national heatmap; staff search the targets and save
/// draft values in the entry dialog; reviewers look at what waits for them; auditors page through the audit log.
/// Every move is timed from the click or link until the page shows its data (a render batch with the table's rows,
/// the chart, the "saved" message); think time 2–6 s; people arrive over the first minute. Reports interactions,
/// errors (circuit errors, lost connections, failed events, moves that never showed their result within 30 s),
/// latency percentiles and the server's memory before, at the peak and after every session closed.
/// </summary>
internal static class LoadDrill
{
    private static readonly string[] Personas = ["leader", "staff", "reviewer", "auditor", "staff2"];
    private static readonly TimeSpan MoveTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(int sessions, int seconds)
    {
        // The portal runs as its own process, so that its memory and processor time are not mixed with the sessions'.
        await using var portal = await PortalProcess.StartAsync(await TestPostgres.CreateDatabaseAsync(),
            new Dictionary<string, string> { ["DetailedErrors"] = "true" }); // a failed event says why
        var cookies = new Dictionary<string, CookieContainer>();
        foreach (var province in DemoAccounts.Provinces)
            foreach (var persona in Personas)
                cookies[$"{persona}.{province}"] = await DemoSignIn.CookiesAsync(portal.Url, $"{persona}.{province}@demo.local");

        // Warmed up first (every page rendered once: code compiled, caches filled), so that "before" is the memory of a
        // running portal nobody is using, the level it should come back to.
        await Task.WhenAll(Personas.Select(async (persona, i) =>
        {
            var visitor = new PortalVisitor(persona, "laocai", new Random(i));
            await using var session = await CircuitSession.OpenAsync(portal.Url, visitor.StartPath, cookies[$"{persona}.laocai"], MoveTimeout);
            for (var step = 0; step < 6; step++)
            {
                await visitor.MoveAsync(session, step);
                await Task.Delay(1000);
            }
        }));
        using var admin = await AdminAsync(portal.Url);
        var warm = await SettledAsync(portal, admin, collections: 1);
        var before = portal.Usage();
        var latencies = new ConcurrentBag<(string Move, double Ms)>();
        var outcomes = new ConcurrentDictionary<string, int>();
        var errors = new ConcurrentBag<string>();
        var peakRss = before.RssMb;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        using var sampler = new Timer(_ => peakRss = Math.Max(peakRss, portal.Usage().RssMb), null, 1000, 1000);
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;

        var watch = Stopwatch.StartNew();
        var running = Enumerable.Range(0, sessions).Select(async i =>
        {
            await Task.Delay(i * 60_000 / sessions); // people arrive over the first minute, not in one instant
            var persona = Personas[i % Personas.Length];
            var province = DemoAccounts.Provinces[i / Personas.Length % DemoAccounts.Provinces.Length];
            var person = new PortalVisitor(persona, province, new Random(i));
            CircuitSession? session = null;
            try
            {
                var start = Stopwatch.GetTimestamp();
                session = await CircuitSession.OpenAsync(portal.Url, person.StartPath, cookies[$"{persona}.{province}"], MoveTimeout);
                await session.TimedAsync(() => Task.CompletedTask, _ => person.StartShown(session), MoveTimeout);
                latencies.Add(($"{persona}: open", Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                for (var step = 0; DateTime.UtcNow < deadline; step++)
                {
                    await Task.Delay(person.Random.Next(2000, 6000));
                    if (DateTime.UtcNow >= deadline) break;
                    try
                    {
                        foreach (var (move, elapsed, outcome) in await person.MoveAsync(session, step))
                        {
                            latencies.Add(($"{persona}: {move}", elapsed.TotalMilliseconds));
                            if (outcome is not null) outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                        }
                    }
                    catch (Exception e) when (e is TimeoutException or InvalidOperationException)
                    {
                        errors.Add($"{persona}.{province}: {e.Message}");
                    }
                }
            }
            catch (Exception e)
            {
                errors.Add($"{persona}.{province}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            finally
            {
                if (session is not null)
                {
                    foreach (var error in session.Errors) errors.Add($"{persona}.{province}: {error}");
                    await session.DisposeAsync();
                }
            }
        }).ToList();
        await Task.WhenAll(running);
        var elapsed = watch.Elapsed.TotalSeconds;
        var atClose = portal.Usage();
        ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu;
        var afterClosing = await SettledAsync(portal, admin, collections: 1);
        var aMinuteLater = await SettledAsync(portal, admin, collections: 5);
        // To look inside the server after the sessions (dotnet-gcdump, dotnet-counters): KHCN_DRILL_KEEP=seconds.
        if (int.TryParse(Environment.GetEnvironmentVariable("KHCN_DRILL_KEEP"), out var keep))
        {
            Console.WriteLine($"The portal (pid {portal.Process.Id}) stays up {keep} s for inspection.");
            await Task.Delay(TimeSpan.FromSeconds(keep));
        }

        var sorted = latencies.Select(l => l.Ms).Order().ToArray();
        var serverCpu = atClose.Cpu - before.Cpu;
        Console.WriteLine($"{sessions} sessions for {seconds} s ({elapsed:N0} s with arrival and closing)");
        Console.WriteLine("| interactions | errors | p50 ms | p95 ms | p99 ms | server CPU per interaction | load generator CPU |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {sorted.Length:N0} | {errors.Count + portal.Errors.Count(e => e.StartsWith('['))} | {P(sorted, 0.5):N0} | {P(sorted, 0.95):N0} | {P(sorted, 0.99):N0} " +
            $"| {serverCpu.TotalMilliseconds / Math.Max(1, sorted.Length):N0} ms ({serverCpu.TotalSeconds / elapsed:N2} cores) " +
            $"| {ownCpu.TotalSeconds / elapsed:N2} cores |");
        Console.WriteLine($"  server memory: warmed up, nobody on: {Memory(warm)}; peak RSS {peakRss:N0} MB; all sessions closed: {Memory(afterClosing)}; a minute later: {Memory(aMinuteLater)}");
        foreach (var move in latencies.GroupBy(l => l.Move).OrderBy(g => g.Key))
        {
            var ms = move.Select(m => m.Ms).Order().ToArray();
            Console.WriteLine($"  {move.Key}: {ms.Length} × p50 {P(ms, 0.5):N0} ms, p95 {P(ms, 0.95):N0} ms");
        }
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key)) Console.WriteLine($"  saves: {count} × {outcome}");
        foreach (var error in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10)) Console.WriteLine($"  {error.Count()}× {error.Key}");
        // The server's errors, each kind once with its count: the logged message without its time, and the first line of
        // each exception.
        foreach (var kind in portal.Errors.Where(l => !l.StartsWith("   at ", StringComparison.Ordinal))
                     .Select(l => l.StartsWith('[') ? l[(l.IndexOf(']') + 2)..] : l).Select(l => l[..Math.Min(l.Length, 240)])
                     .GroupBy(l => l).OrderByDescending(g => g.Count()).Take(15))
            Console.WriteLine($"  server: {kind.Count()}× {kind.Key}");
        Console.WriteLine($"  the portal's log: {portal.LogFile}");
        Console.WriteLine("  JavaScript the pages called: " + string.Join(", ", CircuitSession.InteropCalls.OrderByDescending(c => c.Value).Take(12).Select(c => $"{c.Key} {c.Value}")));
    }

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>
    /// The server once the sessions are gone (or before they came): 10 s of quiet, then <paramref name="collections"/>
    /// full garbage collections 10 s apart, asked for from outside (the runtime's diagnostics port, as dotnet-gcdump
    /// does) — standing in for the collections an instance still in use runs by itself, each of which hands back some
    /// of the memory the runtime kept — then what the instance says of itself (<c>GET /api/v1/admin/instance</c>).
    /// </summary>
    private static async Task<JsonElement> SettledAsync(PortalProcess portal, HttpClient admin, int collections)
    {
        await Task.Delay(10_000);
        var client = new DiagnosticsClient(portal.Process.Id);
        const long gc = 0x1, gcHeapCollect = 0x800000;
        for (var i = 0; i < collections; i++)
        {
            if (i > 0) await Task.Delay(10_000);
            using var session = client.StartEventPipeSession(
                [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gc | gcHeapCollect)], requestRundown: false);
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(2000);
            await session.StopAsync(CancellationToken.None);
            await drain;
        }
        await Task.Delay(2000);
        return await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/instance");
    }

    private static async Task<HttpClient> AdminAsync(string url)
    {
        var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        await DemoSignIn.BearerAsync(http, "admin@demo.local");
        return http;
    }

    private static string Memory(JsonElement status) =>
        $"{status.GetProperty("openCircuits").GetInt32()} circuits, heap {status.GetProperty("managedHeapMb").GetDouble():N0} MB, " +
        $"runtime keeps {status.GetProperty("gcCommittedMb").GetDouble():N0} MB, RSS {status.GetProperty("workingSetMb").GetDouble():N0} MB";
}
