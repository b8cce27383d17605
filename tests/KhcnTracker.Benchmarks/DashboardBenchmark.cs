using System.Diagnostics;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// The province overview and the national heatmap at national scale — 34 provinces × 300 indicators × 15 years of
/// half-yearly approved values (306,000 values) and a 2030 target for every province and indicator — computed by the
/// portal's own use cases, beside the raw SQL that reads the same rows (targets and the latest approved revision of
/// every value they are judged by), in the same run on the same database.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task RunAsync(int runs)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var seed = Stopwatch.StartNew();
        await NationalData.SeedAsync(connectionString, withHistory: false);
        Console.WriteLine($"Seeded {NationalData.Provinces} provinces × {NationalData.Indicators} indicators × {NationalData.Years} years half-yearly in {seed.Elapsed.TotalSeconds:N1} s");

        var user = new TestCaller("leader.national@demo.local", new RoleGrant(Role.Leadership));
        var factory = new AppDbContextFactory(TestPostgres.Factory(connectionString), user);
        await using var services = UseCaseServices.Create();
        using var scope = services.CreateScope();
        var overview = scope.Use<GetProvinceOverview>(user, factory);
        var national = scope.Use<GetNationalView>(user, factory);
        const string province = "bench-p17";

        var overviewResult = await overview.HandleAsync(province);
        var heatmapResult = await national.HandleAsync();
        Console.WriteLine($"Overview of {province}: {overviewResult.Targets.Count} targets; " +
                          $"heatmap: {heatmapResult.Heatmap.Count} provinces × {heatmapResult.Headlines.Count} headline indicators");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var scopeSql = $"""
            SELECT t."Id", t."IndicatorCode", t."Year", t."Comparator", t."Value" FROM targets t WHERE NOT t."IsRetired" AND t."UnitCode" = '{province}';
            SELECT DISTINCT ON (v."IndicatorCode", v."PeriodCode") v."IndicatorCode", v."PeriodCode", v."Value"
            FROM reported_values v WHERE v."Status" = 'Approved' AND v."UnitCode" = '{province}'
            ORDER BY v."IndicatorCode", v."PeriodCode", v."Revision" DESC;
            """;
        var heatmapSql = $"""
            SELECT t."Id", t."UnitCode", t."IndicatorCode", t."Year", t."Comparator", t."Value" FROM targets t
            WHERE NOT t."IsRetired" AND t."IndicatorCode" = ANY(@headlines);
            SELECT DISTINCT ON (v."UnitCode", v."IndicatorCode", v."PeriodCode") v."UnitCode", v."IndicatorCode", v."PeriodCode", v."Value"
            FROM reported_values v WHERE v."Status" = 'Approved' AND v."IndicatorCode" = ANY(@headlines)
            ORDER BY v."UnitCode", v."IndicatorCode", v."PeriodCode", v."Revision" DESC;
            """;

        var rows = new List<string>
        {
            Report("Province overview (GetProvinceOverview)", await TimeAsync(runs, () => overview.HandleAsync(province))),
            Report("  raw SQL: the province's targets + latest approved values", await TimeAsync(runs, () => ReadAllAsync(connection, scopeSql))),
            Report("National heatmap (GetNationalView)", await TimeAsync(runs, () => national.HandleAsync())),
            Report("  raw SQL: headline targets + latest approved values, all provinces", await TimeAsync(runs, () => ReadAllAsync(connection, heatmapSql))),
        };
        Console.WriteLine($"{runs} runs each after 3 warm-up runs; milliseconds");
        Console.WriteLine("| query | p50 | p95 |");
        Console.WriteLine("|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<int> ReadAllAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("headlines", ProgressWords.Headlines.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        do
        {
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i);
                count++;
            }
        } while (await reader.NextResultAsync());
        return count;
    }

    private static async Task<double[]> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        for (var i = 0; i < 3; i++) await action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static string Report(string name, double[] sorted) =>
        $"| {name} | {Percentile(sorted, 0.50):N1} | {Percentile(sorted, 0.95):N1} |";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
