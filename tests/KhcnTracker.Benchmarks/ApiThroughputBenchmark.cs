using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Testing;
using Npgsql;
using Xunit;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// API throughput on loopback at national scale: a load generator of C concurrent clients (each a keep-alive
/// connection with a bearer token) calling the API for T seconds, beside two references measured in the same run —
/// the HTTP stack's floor (<c>/health/live</c>, which touches nothing) and the raw SQL that reads the same rows as the
/// API call, on C connections.
/// </summary>
internal static class ApiThroughputBenchmark
{
    public static async Task RunAsync(int clients, int seconds)
    {
        BenchmarkHost.UseRepositoryContentRoot();
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await NationalData.SeedAsync(connectionString, withHistory: false);
        await using var portal = PortalFactory.OnDatabase(connectionString);
        portal.StartOnPort();

        using var login = new HttpClient { BaseAddress = new Uri(portal.RootUrl) };
        var response = await login.PostAsJsonAsync("/api/v1/auth/login", new { email = "leader.national@demo.local", password = PortalFactory.DemoPassword });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        Console.WriteLine($"{clients} concurrent clients, {seconds} s each, after a 3 s warm-up");
        Console.WriteLine("| call | requests/s | p50 ms | p95 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|");
        await HttpAsync(portal.RootUrl, token!, "/health/live", clients, seconds, "GET /health/live (HTTP floor)");
        await HttpAsync(portal.RootUrl, token!, "/api/v1/progress?unit=bench-p17", clients, seconds, "GET /api/v1/progress?unit=… (300 statuses)");
        await SqlAsync(connectionString, clients, seconds, "raw SQL: the same targets + latest approved values");
        await HttpAsync(portal.RootUrl, token!, "/api/v1/values?unit=bench-p17&indicator=bench-001", clients, seconds, "GET /api/v1/values?unit=&indicator=");
    }

    /// <summary>C clients calling <paramref name="path"/> for T seconds (with the bearer token, when one is given).</summary>
    internal static async Task HttpAsync(string root, string? token, string path, int clients, int seconds, string name,
        Action<HttpRequestMessage>? prepare = null)
    {
        var workers = Enumerable.Range(0, clients).Select(_ =>
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(root) };
            if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToList();
        async Task<bool> Call(int i)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            prepare?.Invoke(request);
            using var r = await workers[i].SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return r.IsSuccessStatusCode || r.StatusCode == System.Net.HttpStatusCode.NotModified;
        }
        await LoadAsync(clients, 3, Call);
        var (rate, p50, p95, errors) = await LoadAsync(clients, seconds, Call);
        Console.WriteLine($"| {name} | {rate:N0} | {p50:N1} | {p95:N1} | {errors} |");
        workers.ForEach(w => w.Dispose());
    }

    private static async Task SqlAsync(string connectionString, int clients, int seconds, string name)
    {
        const string sql = """
            SELECT t."Id", t."IndicatorCode", t."Year", t."Comparator", t."Value" FROM targets t WHERE NOT t."IsRetired" AND t."UnitCode" = 'bench-p17';
            SELECT DISTINCT ON (v."IndicatorCode", v."PeriodCode") v."IndicatorCode", v."PeriodCode", v."Value"
            FROM reported_values v WHERE v."Status" = 'Approved' AND v."UnitCode" = 'bench-p17'
            ORDER BY v."IndicatorCode", v."PeriodCode", v."Revision" DESC;
            """;
        var connections = new List<NpgsqlConnection>();
        for (var i = 0; i < clients; i++)
        {
            var c = new NpgsqlConnection(connectionString);
            await c.OpenAsync();
            connections.Add(c);
        }
        async Task<bool> Query(int i)
        {
            await using var command = new NpgsqlCommand(sql, connections[i]);
            await using var reader = await command.ExecuteReaderAsync();
            do { while (await reader.ReadAsync()) for (var f = 0; f < reader.FieldCount; f++) reader.GetValue(f); } while (await reader.NextResultAsync());
            return true;
        }
        await LoadAsync(clients, 3, Query);
        var (rate, p50, p95, errors) = await LoadAsync(clients, seconds, Query);
        Console.WriteLine($"| {name} | {rate:N0} | {p50:N1} | {p95:N1} | {errors} |");
        foreach (var c in connections) await c.DisposeAsync();
    }

    private static async Task<(double Rate, double P50, double P95, int Errors)> LoadAsync(int clients, int seconds, Func<int, Task<bool>> call)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var times = new List<double>[clients];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            times[i] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await call(i); } catch (Exception) { ok = false; }
                if (!ok) Interlocked.Increment(ref errors);
                times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var all = times.SelectMany(t => t).Order().ToArray();
        return (all.Length / watch.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.95)], errors);
    }
}
