using System.Diagnostics;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reporting.Import;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Files;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Testing;
using Npgsql;
using NpgsqlTypes;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// Importing N values from one XLSX file through the portal's own import (read, check every row, write values and audit
/// rows in one transaction) beside PostgreSQL's COPY of the same rows, twice: into a bare table of the same shape (the
/// floor of writing the bytes) and into the portal's own values table with its indexes and foreign keys, in a
/// transaction rolled back (the floor of writing these rows where they belong).
/// </summary>
internal static class ImportBenchmark
{
    public static async Task RunAsync(int rows)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        const int periodsPerIndicator = 20;
        var indicators = (rows + periodsPerIndicator - 1) / periodsPerIndicator;
        await SeedAsync(connectionString, indicators);

        var fileRows = Enumerable.Range(0, rows).Select(i => new ValueFileRow(i + 2, "laocai", $"bench-{i / periodsPerIndicator:D5}", Period(i % periodsPerIndicator),
            (double)(i % 1000) / 10, "Cục Thống kê", null)).ToList();
        var files = new ValueFiles();
        var xlsx = new MemoryStream();
        files.WriteTemplate(xlsx, fileRows, new Dictionary<string, string>());
        Console.WriteLine($"File: {rows:N0} rows, {xlsx.Length / 1024.0 / 1024.0:N1} MB XLSX");

        // The references first, each the better of two runs (the first pays for compiling the copy code): the floor is
        // taken at its lowest.
        await TestPostgres.ExecuteAsync(connectionString, "CREATE TABLE reported_values_copy (LIKE reported_values INCLUDING DEFAULTS)");
        var bareCopySeconds = Math.Min(await CopyAsync(connectionString, fileRows, "reported_values_copy"),
            await CopyAsync(connectionString, fileRows, "reported_values_copy"));
        var tableCopySeconds = Math.Min(await CopyAsync(connectionString, fileRows, "reported_values"),
            await CopyAsync(connectionString, fileRows, "reported_values"));

        // Where the time goes: reading the file alone, and the writer alone (timed around it); the checks are the rest.
        files.Read(new MemoryStream(xlsx.ToArray()), "benchmark.xlsx", new ImportLimits()); // warm, as it is inside the import
        var readWatch = Stopwatch.StartNew();
        files.Read(new MemoryStream(xlsx.ToArray()), "benchmark.xlsx", new ImportLimits());
        var readSeconds = readWatch.Elapsed.TotalSeconds;
        var writer = new TimedWriter(new ImportWriter(TimeProvider.System));
        var staff = new TestCaller("staff.laocai@demo.local", new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn"));
        var factory = new AppDbContextFactory(TestPostgres.Factory(connectionString), staff);
        var import = new ImportValues(factory, staff, files, writer, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ImportLimits()));
        xlsx.Position = 0;
        var watch = Stopwatch.StartNew();
        var result = await import.HandleAsync(xlsx, "benchmark.xlsx");
        var importSeconds = watch.Elapsed.TotalSeconds;
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));

        Console.WriteLine($"Import:                 {importSeconds:N2} s = {rows / importSeconds:N0} rows/s (values + audit rows, one transaction)");
        Console.WriteLine($"COPY into a bare table: {bareCopySeconds:N2} s = {rows / bareCopySeconds:N0} rows/s → import {importSeconds / bareCopySeconds:N1}×");
        Console.WriteLine($"COPY into the portal's values table (indexes, foreign keys): {tableCopySeconds:N2} s = {rows / tableCopySeconds:N0} rows/s → import {importSeconds / tableCopySeconds:N1}×");
        Console.WriteLine($"Phases: read the file {readSeconds:N2} s, check the rows {importSeconds - readSeconds - writer.Seconds:N2} s, write {writer.Seconds:N2} s");
    }

    private sealed class TimedWriter(IImportWriter inner) : IImportWriter
    {
        public double Seconds { get; private set; }

        public async Task SaveAsync(IAppDbContext db, IReadOnlyList<Domain.Reporting.ReportedValue> created, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            await inner.SaveAsync(db, created, ct);
            Seconds = watch.Elapsed.TotalSeconds;
        }
    }

    private static string Period(int i) => $"{DrillData.FirstYear + i / 2}{(i % 2 == 0 ? "" : "-H1")}";

    private static Task SeedAsync(string connectionString, int indicators) => DrillData.SeedAsync(connectionString, "bench-", 5, indicators);

    /// <summary>Binary COPY of the rows into <paramref name="table"/> in a transaction, timed to the end of the COPY, then rolled back.</summary>
    private static async Task<double> CopyAsync(string connectionString, IReadOnlyList<ValueFileRow> rows, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"""COPY {table} ("Id", "UnitCode", "IndicatorCode", "PeriodCode", "Revision", "Value", "Source", "Status", "EnteredBy", "EnteredAt") FROM STDIN (FORMAT BINARY)"""))
        {
            var id = 1_000_000_000; // clear of the ids the import will take
            var now = DateTimeOffset.UtcNow;
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(++id, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Unit!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Indicator!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Period!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync((decimal)(double)row.Value!, NpgsqlDbType.Numeric);
                await copy.WriteAsync(row.Source!, NpgsqlDbType.Varchar);
                await copy.WriteAsync("Draft", NpgsqlDbType.Varchar);
                await copy.WriteAsync("staff.laocai@demo.local", NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await transaction.RollbackAsync();
        return seconds;
    }
}
