using KhcnTracker.Application.Auditing;
using KhcnTracker.Application.Exports;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Auditing;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Auditing;
using KhcnTracker.Infrastructure.Files;
using KhcnTracker.IntegrationTests.Auditing.Fixtures;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KhcnTracker.IntegrationTests.Auditing;

/// <summary>
/// A database that holds audit rows written by the code before decision 0010 (Fixtures/audit-v1-rows.json, captured from
/// it: C# names, enum numbers), inserted through that code's chain trigger; then the AuditWords migration; then a fixed
/// history written in words by today's interceptor at fixed moments.
/// </summary>
public sealed class TrailBeforeAndAfterTheWords : IAsyncLifetime
{
    public const string MigrationBefore = "20261202010023_ValueAuthors";
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero); // after the fixture's rows, before any test ran

    public string ConnectionString { get; private set; } = "";
    public int FixtureRows { get; private set; }
    public int HistoryRows { get; private set; }

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using (var db = new AppDbContext(TestPostgres.Options(ConnectionString)))
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore);

        var rows = JsonDocument.Parse(await File.ReadAllTextAsync(Golden.PathOf("audit-v1-rows.json"))).RootElement.EnumerateArray().ToList();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var row in rows)
            {
                // Exactly the columns the old code wrote; the old trigger numbers and hashes each row.
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO audit_log (at, actor, origin, entity, entity_key, action, changes, previous_hash, hash)
                    VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, '', '')
                    """, connection);
                insert.Parameters.AddWithValue(DateTimeOffset.Parse(row.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());
                foreach (var name in new[] { "actor", "origin", "entity", "entityKey", "action", "changes" })
                    insert.Parameters.AddWithValue(row.GetProperty(name).GetString()!);
                await insert.ExecuteNonQueryAsync();
            }
        }
        FixtureRows = rows.Count;

        await using (var db = new AppDbContext(TestPostgres.Options(ConnectionString)))
            await db.Database.MigrateAsync();

        // A fixed history in today's words: a period made for back-fill, then its due date moved twice.
        var clock = new FixedClock(Start);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).AddInterceptors(new AuditInterceptor(clock)).Options;
        await using (var db = new AppDbContext(options))
        {
            var period = new ReportingPeriod("2019", new DateOnly(2020, 1, 31));
            db.Periods.Add(period);
            await db.SaveChangesAsync();
            clock.Now = Start.AddMinutes(5);
            period.SetDueDate(new DateOnly(2020, 3, 31));
            await db.SaveChangesAsync();
            clock.Now = Start.AddMinutes(9);
            period.SetDueDate(new DateOnly(2020, 6, 30));
            await db.SaveChangesAsync();
        }
        HistoryRows = 3;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class AuditWordsMigrationTests(TrailBeforeAndAfterTheWords trail) : IClassFixture<TrailBeforeAndAfterTheWords>
{
    [Fact]
    public async Task TheChainVerifiesAfterTheMigration_AcrossRowsOfBothFormats()
    {
        var report = await new AuditChain(TestPostgres.Factory(trail.ConnectionString), TimeProvider.System).VerifyAsync(default);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(trail.FixtureRows + trail.HistoryRows, report.RowsChecked);

        await using var db = new AppDbContext(TestPostgres.Options(trail.ConnectionString));
        var formats = await db.AuditLog.OrderBy(a => a.Sequence).Select(a => a.Format).ToListAsync();
        Assert.Equal(Enumerable.Repeat(1, trail.FixtureRows).Concat(Enumerable.Repeat(2, trail.HistoryRows)), formats);
    }

    [Fact]
    public async Task RowsWrittenBeforeTheMigrationReadBackAsWords()
    {
        await using var db = new AppDbContext(TestPostgres.Options(trail.ConnectionString));
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.Format == 1).OrderBy(a => a.Sequence).ToListAsync();
        var records = rows.Select(AuditRecord.Of).ToList();

        // No C# type name and no C# property name survives the reading.
        Assert.All(records, r => Assert.Contains(r.Subject, ListAuditLog.Entities));
        Assert.All(records.SelectMany(r => r.Changes), c => Assert.Matches("^[a-z0-9_]+$", c.Field));

        var returned = records.Single(r => r.Subject == "value" && r.Find("status")?.New.GetString() == "returned");
        Assert.Equal("submitted", returned.Find("status")!.Old.GetString());
        Assert.Equal("returned", returned.Find("status")!.New.GetString());
        Assert.Equal("Sai đơn vị tính.", returned.Find("return_reason")!.New.GetString());
        var indicator = records.Single(r => r.Subject == "indicator");
        Assert.Equal("milestone", indicator.Find("measure")!.New.GetString());
        Assert.Equal(["cds"], indicator.Find("areas")!.New.EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("country", records.Single(r => r.Subject == "unit").Find("level")!.New.GetString());
        Assert.Equal("open", records.Single(r => r.Subject == "period").Find("state")!.New.GetString());

        // The stored bytes are untouched: the entity column still holds the old names.
        Assert.Contains(rows, r => r.Entity == "ReportedValue");

        // The filter finds a subject's rows of both formats.
        var periods = await ListAuditLog.QueryAsync(db, new TestCaller("auditor.national@demo.local", new RoleGrant(Role.Auditor)), new AuditFilter(Entity: "period"), default);
        Assert.Equal(1 + trail.HistoryRows, await periods.CountAsync());
    }

    [Fact]
    public async Task AValuesStoryIsTheSameFromRowsOfTheOldFormat()
    {
        await using var db = new AppDbContext(TestPostgres.Options(trail.ConnectionString));
        var rows = await db.AuditLog.AsNoTracking().Where(a => a.Entity == "ReportedValue" || a.Entity == "Evidence").OrderBy(a => a.Sequence).ToListAsync();
        var told = new ValueStory.Told();
        var story = rows.SelectMany(r => ValueStory.Events(r, new Dictionary<int, int> { [1] = 1, [2] = 2 }, told)).ToList();

        Assert.Equal(["entered", "evidence_added", "submitted", "returned", "changed", "submitted", "approved", "revised", "submitted", "approved"],
            story.Select(e => KhcnTracker.Application.Catalogue.CatalogueWords.ValueEvent.Format(e.Kind)));
        Assert.Equal(12.5m, story[0].NewValue);
        Assert.Equal("Báo cáo 2025.pdf", story[1].FileName);
        Assert.Equal("Sai đơn vị tính.", story[3].Reason);
        Assert.Equal((12.5m, 12.8m), (story[4].OldValue, story[4].NewValue));
        Assert.Equal("reviewer.laocai@demo.local", story[6].Actor);
        Assert.Equal((2, 12.8m, 13.1m), (story[7].Revision, story[7].OldValue, story[7].NewValue));
        Assert.All(story, e => Assert.Equal(TimeSpan.FromHours(7), e.At.Offset));
    }

    /// <summary>
    /// The golden test: the audit log of this fixed history, exported, gives the bytes of the committed file — words and
    /// Vietnamese labels, Vietnam times — whatever the C# names are today. The XLSX holds the same cells.
    /// </summary>
    [Fact]
    public async Task ExportingTheAuditLogOfAFixedHistoryGivesTheCommittedBytes()
    {
        var user = new TestCaller("auditor.national@demo.local", new RoleGrant(Role.Auditor));
        var factory = new AppDbContextFactory(TestPostgres.Factory(trail.ConnectionString), user);
        await using var services = UseCaseServices.Create();
        using var scope = services.CreateScope();
        var build = scope.Use<BuildExport>(user, factory);
        var export = await build.HandleAsync(new ExportRequest(ExportDatasets.Audit));

        var csv = CsvText.Write(export.Table.Columns.Select(c => c.Header).ToList(), export.Table.Rows);
        Golden.Matches("audit-export.golden.csv", csv);
        var text = Encoding.UTF8.GetString(csv);
        Assert.Contains("Trạng thái: Chờ thẩm định → Bị trả lại", text);
        Assert.Contains("Hạn nộp: 31/01/2020 → 31/03/2020", text);
        Assert.Contains("(UTC+7)", text);
        Assert.DoesNotContain("ReportedValue", text);
        Assert.All(export.Table.Rows, r => Assert.DoesNotMatch(@"\b(Status|ReturnReason|UnitCode|EnteredAt|Measure)\b", (string)r[7]!));

        using var xlsx = new MemoryStream();
        services.GetRequiredService<IXlsxExportWriter>().Write(xlsx, export);
        xlsx.Position = 0;
        var sheet = xlsx.Query(useHeaderRow: true, sheetName: "Dữ liệu").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(export.Table.Rows.Count, sheet.Count);
        for (var i = 0; i < sheet.Count; i++)
        {
            Assert.Equal(export.Table.Rows[i][1], sheet[i]["Thời điểm (giờ Việt Nam)"]);
            Assert.Equal(export.Table.Rows[i][4], sheet[i]["Đối tượng"]);
            Assert.Equal(export.Table.Rows[i][7], sheet[i]["Thay đổi (cũ → mới)"]);
        }
    }

}
