using System.Diagnostics;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Exports;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// The full national export — every value with its history (all revisions) at the dashboard benchmark's scale — rebuilt
/// from about a million audit rows, as XLSX and as CSV: time and peak memory, beside PostgreSQL's COPY of the same
/// values table to CSV in the same run.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task RunAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var seed = Stopwatch.StartNew();
        await NationalData.SeedAsync(connectionString, withHistory: true);
        Console.WriteLine($"Seeded values and their history in {seed.Elapsed.TotalSeconds:N0} s");
        var auditRows = await ScalarAsync(connectionString, "SELECT count(*) FROM audit_log");
        var values = await ScalarAsync(connectionString, "SELECT count(*) FROM reported_values");
        Console.WriteLine($"{values:N0} value rows, {auditRows:N0} audit rows");

        var user = new TestCaller("auditor.national@demo.local", new RoleGrant(Role.Auditor));
        await using var services = UseCaseServices.Create();
        using var scope = services.CreateScope();
        var build = scope.Use<BuildExport>(user, new AppDbContextFactory(TestPostgres.Factory(connectionString), user));
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
                services.GetRequiredService<IXlsxExportWriter>().Write(file, export);
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

}
