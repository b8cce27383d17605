namespace KhcnTracker.IntegrationTests.Operations;

/// <summary>
/// A PostgreSQL server of an operations drill's own, made and run with the server's own tools (initdb, pg_ctl,
/// pg_basebackup) as an operator would — as the <c>postgres</c> user when the tests run as root — with the settings
/// the drill needs: WAL archiving for point-in-time recovery, a base backup turned into a streaming standby.
/// </summary>
internal sealed class DrillServer : IAsyncDisposable
{
    /// <summary>A PostgreSQL tool of the newest version installed (<c>/usr/lib/postgresql/N/bin</c>), else the one on the PATH.</summary>
    public static string Tool(string name) => Directory.GetDirectories("/usr/lib/postgresql")
        .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
        .Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists) ?? name;

    private readonly string _settings;
    private bool _running;

    private DrillServer(string dataDir, string settings)
    {
        DataDir = dataDir;
        Port = PortalFactory.FreePort();
        _settings = settings;
    }

    public string DataDir { get; }
    public int Port { get; }

    public string ConnectionString(string database = "khcn") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres", Pooling = false }.ConnectionString;

    /// <summary>A folder the server's user may write in: the drill's files (base backups, WAL archive) go there.</summary>
    public static async Task<string> FolderAsync()
    {
        var folder = Directory.CreateTempSubdirectory("khcn-ops-drill-").FullName;
        if (Environment.UserName == "root") await RunAsync("chown", "postgres:postgres", folder);
        return folder;
    }

    public static async Task MakeFolderAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root") await RunAsync("chown", "postgres:postgres", folder);
    }

    /// <summary>Turns a base backup into a server that recovers on start: the settings, and the file that asks for it.</summary>
    public static async Task PrepareRecoveryAsync(string dataDir, string settings)
    {
        await File.AppendAllTextAsync(Path.Combine(dataDir, "postgresql.auto.conf"), "\n" + settings + "\n");
        await File.WriteAllTextAsync(Path.Combine(dataDir, "recovery.signal"), "");
        if (Environment.UserName == "root") await RunAsync("chown", "-R", "postgres:postgres", dataDir);
    }

    /// <summary>A new cluster with a <c>khcn</c> database, started with <paramref name="settings"/> (postgres -c options).</summary>
    public static async Task<DrillServer> CreateAsync(string folder, string settings)
    {
        var server = new DrillServer(Path.Combine(folder, "primary"), settings);
        await AsPostgresAsync("initdb", "-D", server.DataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        await server.StartAsync();
        await TestPostgres.ExecuteAsync(server.ConnectionString("postgres"), "CREATE DATABASE khcn");
        return server;
    }

    /// <summary>A base backup of this server, taken while it runs, into <paramref name="name"/> under <paramref name="folder"/>.</summary>
    public async Task<string> BaseBackupAsync(string folder, string name, bool standby)
    {
        var target = Path.Combine(folder, name);
        List<string> args = ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", "postgres", "-D", target, "-X", "stream", "--no-sync", "--checkpoint=fast"];
        if (standby) args.Add("-R"); // writes primary_conninfo and standby.signal: the copy follows this server
        await AsPostgresAsync("pg_basebackup", [.. args]);
        return target;
    }

    /// <summary>A server on a copy of the data (a base backup), started with its own settings.</summary>
    public static async Task<DrillServer> StartOnAsync(string dataDir, string settings)
    {
        var server = new DrillServer(dataDir, settings);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{DataDir}' -c fsync=off {_settings}";
        await AsPostgresAsync("pg_ctl", "-D", DataDir, "-l", DataDir + ".log", "-w", "-t", "90", "-o", options, "start");
        _running = true;
    }

    public async Task StopAsync()
    {
        if (!_running) return;
        _running = false;
        await AsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "stop");
    }

    public async Task<T> ScalarAsync<T>(string sql, string database = "khcn")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static Task AsPostgresAsync(string tool, params string[] args) => Environment.UserName == "root"
        ? RunAsync("runuser", ["-u", "postgres", "--", Tool(tool), .. args])
        : RunAsync(Tool(tool), args);

    private static Task RunAsync(string file, params string[] args) =>
        ToolProcess.RunAsync(file, args, Path.GetFileName(args.FirstOrDefault(a => a.Contains('/')) ?? file));
}
