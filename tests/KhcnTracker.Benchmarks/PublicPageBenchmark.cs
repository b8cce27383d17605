using KhcnTracker.Testing;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// The open province page at national scale (a province with 300 indicators, 15 years of values, 20 of them published),
/// rendered on the server for anonymous readers, beside the HTTP floor (<c>/health/live</c>) in the same run; and the
/// same page revalidated by a cache that holds it (If-None-Match → 304).
/// </summary>
internal static class PublicPageBenchmark
{
    public const int Published = 20;

    public static async Task RunAsync(int clients, int seconds)
    {
        BenchmarkHost.UseRepositoryContentRoot();
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await NationalData.SeedAsync(connectionString, withHistory: false);
        await TestPostgres.ExecuteAsync(connectionString, $"""
            INSERT INTO publications ("UnitCode", "IndicatorCode", "PublishedBy", "PublishedAt")
            SELECT 'bench-p17', "Code", 'benchmark', now() FROM indicators WHERE "Code" LIKE 'bench-%' ORDER BY "Code" LIMIT {Published};
            """);
        await using var portal = PortalFactory.OnDatabase(connectionString);
        portal.StartOnPort();

        using var probe = new HttpClient { BaseAddress = new Uri(portal.RootUrl) };
        var etag = (await probe.GetAsync("/public/bench-p17")).Headers.ETag!;

        Console.WriteLine($"{clients} concurrent anonymous clients, {seconds} s each, after a 3 s warm-up");
        Console.WriteLine("| call | requests/s | p50 ms | p95 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|");
        await ApiThroughputBenchmark.HttpAsync(portal.RootUrl, null, "/health/live", clients, seconds, "GET /health/live (HTTP floor)");
        await ApiThroughputBenchmark.HttpAsync(portal.RootUrl, null, "/public/bench-p17", clients, seconds, $"GET /public/{{unit}} ({Published} cards, rendered)");
        await ApiThroughputBenchmark.HttpAsync(portal.RootUrl, null, "/public/bench-p17", clients, seconds, "GET /public/{unit}, revalidated (304)",
            request => request.Headers.IfNoneMatch.Add(etag));
    }
}
