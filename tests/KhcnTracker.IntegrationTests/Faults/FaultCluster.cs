using System.Text;
using KhcnTracker.Infrastructure.EmbeddedPostgres;
using KhcnTracker.Testing;
using Npgsql;

namespace KhcnTracker.IntegrationTests.Faults;

/// <summary>
/// A PostgreSQL server of the drills' own, which they restart at will (the shared test server must not go away under
/// other tests), holding the schema, the catalogue and 1,000 extra indicators assigned to Lào Cai's Department of
/// Science and Technology, so that an import of 20,000 values takes long enough to be cut in the middle.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public const int ImportRows = 20_000;
    private const int Periods = 20;

    /// <summary>The drill's first year: the year after the run's, so that none of its ten years exists yet, whatever the date.</summary>
    private static readonly int FirstYear = TestClock.VietnamYear + 1;
    private string _folder = null!;

    public EmbeddedPostgresCluster Cluster { get; private set; } = null!;
    public string ConnectionString => Cluster.ConnectionString();

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("khcn-fault-pg-").FullName;
        Cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions { DataFolder = _folder, Database = "khcn", Ephemeral = true });
        await TestPostgres.MigrateAndLoadAsync(ConnectionString);
        await TestPostgres.ExecuteAsync(ConnectionString, $"""
            INSERT INTO periods ("Code", "Year", "Half", "DueOn")
            SELECT y::text || h, y, CASE WHEN h = '' THEN NULL ELSE 1 END, make_date(y + 1, 1, 31)
            FROM generate_series({FirstYear}, {FirstYear + 9}) y, (VALUES (''), ('-H1')) p(h);
            INSERT INTO unit_periods ("UnitCode", "PeriodCode", "State")
            SELECT u."Code", p."Code", 'Open' FROM units u, periods p WHERE p."Year" BETWEEN {FirstYear} AND {FirstYear + 9};
            INSERT INTO indicators ("Code", "NameVi", "NameEn", "Areas", "Measure", "Direction", "Decimals", "AllowsOver100", "ReportsHalfYearly", "IsRetired", "EditedByUser", "SearchText")
            SELECT 'drill-' || lpad(i::text, 4, '0'), 'Chỉ số diễn tập ' || i, 'Drill ' || i, 4, 'Percent', 'HigherIsBetter', 1, false, true, false, false, 'chi so dien tap ' || i
            FROM generate_series(0, {ImportRows / Periods - 1}) i;
            INSERT INTO assignments ("UnitCode", "IndicatorCode", "AgencyCode")
            SELECT 'laocai', 'drill-' || lpad(i::text, 4, '0'), 'skhcn' FROM generate_series(0, {ImportRows / Periods - 1}) i;
            """);
    }

    /// <summary>A CSV of 20,000 values for the drill indicators (every one of them valid).</summary>
    public static byte[] ImportFile()
    {
        var csv = new StringBuilder("Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\n");
        for (var i = 0; i < ImportRows; i++)
        {
            var period = $"{FirstYear + i % Periods / 2}{(i % 2 == 0 ? "" : "-H1")}";
            csv.Append($"laocai,drill-{i / Periods:D4},,{period},\"{i % 100},5\",Cục Thống kê,\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The import file as the API's multipart upload.</summary>
    public static MultipartFormDataContent ImportUpload()
    {
        var file = new ByteArrayContent(ImportFile());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "dien-tap.csv" } };
    }

    public async Task<long> CountAsync(string sql)
    {
        // Unpooled: the drill's own look at the database must not meet a connection its restart has cut.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until the app's import is writing its values (its COPY is running), so a fault lands inside the transaction.</summary>
    public async Task WaitForImportCopyAsync(Task<HttpResponseMessage> import, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE query ILIKE '%COPY reported_values%' OR query ILIKE '%COPY audit_log%'") > 0) return;
            if (import.IsCompleted)
                throw new InvalidOperationException($"The import ended before it was cut: {import.Result.StatusCode} {await import.Result.Content.ReadAsStringAsync()}");
            await Task.Delay(10);
        }
        throw new TimeoutException("The import never started writing.");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Cluster.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
