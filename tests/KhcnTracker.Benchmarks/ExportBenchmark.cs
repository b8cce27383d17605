using System.Diagnostics;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Exports;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Files;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Testing;
using Npgsql;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// The full national export — every value with its history (all revisions) at the dashboard benchmark's scale — rebuilt
/// from about a million audit rows, as XLSX and as CSV: time and peak memory, beside PostgreSQL's COPY of the same
/// values table to CSV in the same run.
/// </summary>
internal static class ExportBenchmark
{
    private sealed class NationalAuditor : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Account => "auditor.national@demo.local";
        public string? Name => "Benchmark";
        public IReadOnlyList<RoleGrant> Grants { get; } = [new(Role.Auditor)];
    }

    public static async Task RunAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var seed = Stopwatch.StartNew();
        await DashboardBenchmark.SeedAsync(connectionString);
        await SeedHistoryAsync(connectionString);
        Console.WriteLine($"Seeded values and their history in {seed.Elapsed.TotalSeconds:N0} s");
        var auditRows = await ScalarAsync(connectionString, "SELECT count(*) FROM audit_log");
        var values = await ScalarAsync(connectionString, "SELECT count(*) FROM reported_values");
        Console.WriteLine($"{values:N0} value rows, {auditRows:N0} audit rows");

        var user = new NationalAuditor();
        var build = new BuildExport(new AppDbContextFactory(TestPostgres.Factory(connectionString), user), user, TimeProvider.System);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            GC.Collect();
            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            var watch = Stopwatch.StartNew();
            var export = await build.HandleAsync(new ExportRequest(ExportDatasets.Values));
            var built = watch.Elapsed.TotalSeconds;
            long bytes;
            if (format == "csv") bytes = ExportHeader.Csv(export).Length;
            else
            {
                await using var file = File.Create(Path.Combine(Path.GetTempPath(), "khcn-national-export.xlsx"));
                new XlsxExportWriter().Write(file, export);
                bytes = file.Length;
            }
            var total = watch.Elapsed.TotalSeconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"Export {format}: {export.Info.RowCount:N0} rows, {bytes / 1024.0 / 1024.0:N1} MB; rebuilt from the trail in {built:N1} s, " +
                              $"file written at {total:N1} s; process peak working set {peak / 1024.0 / 1024.0:N0} MB (was {before / 1024.0 / 1024.0:N0} MB)");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var copy = Stopwatch.StartNew();
        using (var reader = await connection.BeginTextExportAsync("""COPY reported_values TO STDOUT (FORMAT CSV, HEADER)"""))
        {
            var buffer = new char[1 << 16];
            while (await reader.ReadAsync(buffer, 0, buffer.Length) > 0) { }
        }
        Console.WriteLine($"COPY reported_values TO STDOUT (CSV): {copy.Elapsed.TotalSeconds:N2} s");
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Each seeded value's history as the portal writes it: created as a draft, submitted, approved (three audit rows).</summary>
    private static async Task SeedHistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A million rows through the chain trigger: longer than a command's default 30 s.
        await using var command = new NpgsqlCommand(HistorySql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private const string HistorySql = """
        INSERT INTO audit_log (at, actor, origin, entity, entity_key, action, changes)
        SELECT t.at, t.actor, 'benchmark', 'ReportedValue', v."Id"::text, t.action, t.changes
        FROM reported_values v
        CROSS JOIN LATERAL (VALUES
            (1, now() - interval '3 hours', 'staff@bench', 'create', jsonb_build_object(
                'Id', jsonb_build_array(null, v."Id"), 'UnitCode', jsonb_build_array(null, v."UnitCode"),
                'IndicatorCode', jsonb_build_array(null, v."IndicatorCode"), 'PeriodCode', jsonb_build_array(null, v."PeriodCode"),
                'Revision', jsonb_build_array(null, v."Revision"), 'Value', jsonb_build_array(null, v."Value"), 'Status', jsonb_build_array(null, 0),
                'Source', jsonb_build_array(null, 'Cục Thống kê'), 'EnteredBy', jsonb_build_array(null, 'staff@bench'),
                'EnteredAt', jsonb_build_array(null, to_jsonb(now() - interval '3 hours')))),
            (2, now() - interval '2 hours', 'staff@bench', 'update', jsonb_build_object(
                'Status', jsonb_build_array(0, 1), 'SubmittedBy', jsonb_build_array(null, 'staff@bench'),
                'SubmittedAt', jsonb_build_array(null, to_jsonb(now() - interval '2 hours')))),
            (3, now() - interval '1 hour', 'reviewer@bench', 'update', jsonb_build_object(
                'Status', jsonb_build_array(1, 2), 'ReviewedBy', jsonb_build_array(null, 'reviewer@bench'),
                'ReviewedAt', jsonb_build_array(null, to_jsonb(now() - interval '1 hour'))))
        ) AS t(step, at, actor, action, changes)
        WHERE v."UnitCode" LIKE 'bench-p%'
        ORDER BY v."Id", t.step;
        """;
}
