using KhcnTracker.Infrastructure.EmbeddedPostgres;

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
    private string _folder = null!;

    public EmbeddedPostgresCluster Cluster { get; private set; } = null!;
    public string ConnectionString => Cluster.ConnectionString();

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("khcn-fault-pg-").FullName;
        Cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions { DataFolder = _folder, Database = "khcn", Ephemeral = true });
        await TestPostgres.MigrateAndLoadAsync(ConnectionString);
        await DrillData.SeedAsync(ConnectionString, "drill-", 4, ImportRows / Periods);
    }

    /// <summary>A CSV of 20,000 values for the drill indicators (every one of them valid).</summary>
    public static byte[] ImportFile()
    {
        var csv = new StringBuilder("Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\n");
        for (var i = 0; i < ImportRows; i++)
        {
            var period = $"{DrillData.FirstYear + i % Periods / 2}{(i % 2 == 0 ? "" : "-H1")}";
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

    /// <summary>
    /// Stops the server as an operator's restart or a failover does — open sessions are cut, their transactions rolled
    /// back — and starts it again after <paramref name="downtime"/>, with the options it ran with.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        await PgCtlAsync("stop", "-m", "fast", "-w");
        await Task.Delay(downtime);
        // pg_ctl restart of a stopped server starts it with the options of its last start (postmaster.opts).
        await PgCtlAsync("restart", "-w", "-t", "60", "-l", Cluster.ClusterFolder + ".log");
    }

    private async Task PgCtlAsync(params string[] arguments)
    {
        // As root the server runs as the postgres user (as the launcher starts it).
        var pgCtl = Path.Combine(Cluster.BinFolder, "pg_ctl");
        string[] command = ["-D", Cluster.ClusterFolder, .. arguments];
        var result = Environment.UserName == "root"
            ? await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. command], TimeSpan.FromSeconds(90))
            : await ProcessRunner.RunAsync(pgCtl, command, TimeSpan.FromSeconds(90));
        if (result.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {arguments[0]} failed: {result.Output}");
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
