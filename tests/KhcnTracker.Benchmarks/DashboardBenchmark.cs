using System.Diagnostics;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Progress;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Testing;
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
    private const int Provinces = 34, Indicators = 300, FirstYear = 2012, Years = 15;

    private sealed class NationalLeader : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Account => "leader.national@demo.local";
        public string? Name => "Benchmark";
        public IReadOnlyList<RoleGrant> Grants { get; } = [new(Role.Leadership)];
    }

    public static async Task RunAsync(int runs)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var seed = Stopwatch.StartNew();
        await SeedAsync(connectionString);
        Console.WriteLine($"Seeded {Provinces} provinces × {Indicators} indicators × {Years} years half-yearly in {seed.Elapsed.TotalSeconds:N1} s");

        var user = new NationalLeader();
        var factory = new AppDbContextFactory(TestPostgres.Factory(connectionString), user);
        var overview = new GetProvinceOverview(factory, user, TimeProvider.System);
        var national = new GetNationalView(factory, user, TimeProvider.System);
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

    /// <summary>
    /// The five real headline indicators plus generated ones make 300; every province has a 2030 target for each; values
    /// for 2012–2026, yearly and first half-year, all approved, one in twenty revised and approved again.
    /// </summary>
    internal static async Task SeedAsync(string connectionString)
    {
        var headlines = string.Join(", ", ProgressWords.Headlines.Select(h => $"('{h}')"));
        await TestPostgres.ExecuteAsync(connectionString, $"""
            INSERT INTO periods ("Code", "Year", "Half", "DueOn", "State")
            SELECT y::text || h, y, CASE WHEN h = '' THEN NULL ELSE 1 END, make_date(y + 1, 1, 31), 'Locked'
            FROM generate_series({FirstYear}, {FirstYear + Years - 1}) y, (VALUES (''), ('-H1')) p(h)
            ON CONFLICT DO NOTHING;
            INSERT INTO units ("Code", "NameVi", "NameEn", "Level", "SearchText")
            SELECT 'bench-p' || lpad(p::text, 2, '0'), 'Tỉnh thử ' || p, 'Test province ' || p, 'Province', 'tinh thu ' || p
            FROM generate_series(1, {Provinces}) p;
            INSERT INTO indicators ("Code", "NameVi", "NameEn", "Areas", "Measure", "Direction", "Decimals", "AllowsOver100", "ReportsHalfYearly", "IsRetired", "EditedByUser", "SearchText")
            SELECT 'bench-' || lpad(i::text, 3, '0'), 'Chỉ số thử ' || i, 'Benchmark ' || i, 1 << (i % 3), 'Percent', 'HigherIsBetter', 1, false, true, false, false, 'chi so thu ' || i
            FROM generate_series(1, {Indicators - ProgressWords.Headlines.Count}) i;
            CREATE TEMP TABLE bench_indicators AS
            SELECT "Code" FROM indicators WHERE "Code" LIKE 'bench-%' UNION ALL SELECT h FROM (VALUES {headlines}) v(h);
            INSERT INTO targets ("Id", "DocumentCode", "UnitCode", "IndicatorCode", "Year", "Comparator", "Value", "ToBeConfirmed", "IsRetired", "EditedByUser", "SearchText")
            SELECT 1000000 + row_number() OVER (), 'nq57-tw', u."Code", i."Code", 2030, 'AtLeast', 60 + (hashtext(u."Code" || i."Code") & 31), false, false, false, ''
            FROM units u, bench_indicators i WHERE u."Code" LIKE 'bench-p%';
            INSERT INTO reported_values ("Id", "UnitCode", "IndicatorCode", "PeriodCode", "Revision", "Value", "Status", "EnteredBy", "EnteredAt", "SubmittedBy", "ReviewedBy", "ReviewedAt")
            SELECT 1000000 + row_number() OVER (), u."Code", i."Code", p."Code", 1,
                   round((20 + (p."Year" - {FirstYear}) * (1 + (hashtext(u."Code" || i."Code") & 3)) + (hashtext(u."Code" || i."Code" || p."Code") & 7))::numeric, 1),
                   'Approved', 'staff@bench', now(), 'staff@bench', 'reviewer@bench', now()
            FROM units u, bench_indicators i, periods p
            WHERE u."Code" LIKE 'bench-p%' AND p."Year" BETWEEN {FirstYear} AND {FirstYear + Years - 1};
            INSERT INTO reported_values ("Id", "UnitCode", "IndicatorCode", "PeriodCode", "Revision", "Value", "Status", "EnteredBy", "EnteredAt", "SubmittedBy", "ReviewedBy", "ReviewedAt")
            SELECT 3000000 + row_number() OVER (), "UnitCode", "IndicatorCode", "PeriodCode", 2, "Value" + 0.5, 'Approved', 'staff@bench', now(), 'staff@bench', 'reviewer@bench', now()
            FROM reported_values WHERE "Id" % 20 = 0 AND "UnitCode" LIKE 'bench-p%';
            """);
        await TestPostgres.ExecuteAsync(connectionString, "VACUUM ANALYZE");
    }
}
