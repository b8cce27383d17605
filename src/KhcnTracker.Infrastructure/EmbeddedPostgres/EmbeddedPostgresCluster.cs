using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace KhcnTracker.Infrastructure.EmbeddedPostgres;

/// <summary>
/// A PostgreSQL cluster of the app's own, started from the server binaries on the machine, listening on a free
/// loopback port. PostgreSQL refuses to run as root, so as root the server runs as the <c>postgres</c> system user.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDir;
    private string _clusterDir;
    private readonly ILogger _logger;
    private bool _stopped;

    public int Port { get; }
    public string DataFolder { get; }
    public string Database { get; }

    private EmbeddedPostgresCluster(string binDir, string dataFolder, string database, int port, ILogger logger)
    {
        _binDir = binDir;
        DataFolder = dataFolder;
        _clusterDir = Path.Combine(dataFolder, "pgdata");
        Database = database;
        Port = port;
        _logger = logger;
    }

    public string ConnectionString(string? database = null) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database ?? Database,
        Username = "postgres",
    }.ConnectionString;

    public static async Task<EmbeddedPostgresCluster> StartAsync(EmbeddedPostgresOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        logger ??= NullLogger.Instance;
        var binDir = PostgresBinaries.Locate(options.BinarySearchPaths);
        var dataFolder = PrepareDataFolder(Path.GetFullPath(options.DataFolder));
        var cluster = new EmbeddedPostgresCluster(binDir, dataFolder, options.Database, FreeLoopbackPort(), logger);
        await cluster.ChooseClusterFolderAsync(ct);
        await cluster.InitialiseAsync(options.Ephemeral, ct);
        await cluster.RecoverStaleLockAsync(ct);
        await cluster.StartServerAsync(options.Ephemeral, ct);
        await cluster.EnsureDatabaseAsync(ct);
        return cluster;
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await RunAsync("pg_ctl", ["-D", _clusterDir, "-m", "fast", "-w", "stop"], CancellationToken.None);
        _logger.LogInformation("Embedded PostgreSQL stopped");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static string PrepareDataFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EmbeddedPostgresException.DataFolderNotWritable(folder, e);
        }
        return folder;
    }

    /// <summary>
    /// As root the server runs as <c>postgres</c>, which cannot enter a folder such as <c>/root/…</c>. Then the cluster
    /// lives under <c>/var/lib/khcntracker/</c>, one folder per data folder, and the log says where.
    /// </summary>
    private async Task ChooseClusterFolderAsync(CancellationToken ct)
    {
        if (!IsRoot) return;
        await EnsureServiceUserExistsAsync(ct);
        var reachable = await ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", "test", "-x", DataFolder], CommandTimeout, ct);
        if (reachable.ExitCode == 0) return;
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DataFolder)))[..12];
        _clusterDir = Path.Combine(FallbackRoot, $"pgdata-{id}");
        Directory.CreateDirectory(FallbackRoot);
        _logger.LogWarning("The postgres user cannot reach {Folder}: the cluster lives in {Cluster} instead", DataFolder, _clusterDir);
    }

    public const string FallbackRoot = "/var/lib/khcntracker";

    /// <summary>The server's own tools: a client tool from here (pg_dump, pg_restore) has the server's version.</summary>
    public string BinFolder => _binDir;

    /// <summary>Where the cluster's files are (inside the data folder, or the fallback for root).</summary>
    public string ClusterFolder => _clusterDir;

    private async Task InitialiseAsync(bool ephemeral, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(_clusterDir, "PG_VERSION"))) return;
        if (Directory.Exists(_clusterDir) && Directory.EnumerateFileSystemEntries(_clusterDir).Any())
        {
            // initdb was interrupted on an earlier run: what is there is not a cluster and holds no data.
            _logger.LogWarning("Removing the unfinished cluster in {Folder}", _clusterDir);
            Directory.Delete(_clusterDir, recursive: true);
        }
        Directory.CreateDirectory(_clusterDir);
        await GiveToServiceUserAsync(ct);
        _logger.LogInformation("Creating the embedded PostgreSQL cluster in {Folder}", _clusterDir);
        List<string> args = ["-D", _clusterDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"];
        if (ephemeral) args.Add("--no-sync");
        var result = await RunAsync("initdb", args, ct);
        if (result.ExitCode != 0)
            throw new EmbeddedPostgresException($"initdb could not create the cluster in '{_clusterDir}': {LastLine(result.Output)}");
    }

    /// <summary>A crashed run leaves <c>postmaster.pid</c> behind, or a server still running: clear the one, stop the other.</summary>
    private async Task RecoverStaleLockAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(_clusterDir, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (int.TryParse(firstLine, out var pid) && IsPostgresProcess(pid))
        {
            _logger.LogWarning("A PostgreSQL server of an earlier run (pid {Pid}) still holds the cluster: stopping it", pid);
            await RunAsync("pg_ctl", ["-D", _clusterDir, "-m", "fast", "-w", "stop"], ct);
        }
        if (File.Exists(pidFile))
        {
            _logger.LogWarning("Removing the stale lock {File} left by a crashed run", pidFile);
            File.Delete(pidFile);
        }
    }

    private async Task StartServerAsync(bool ephemeral, CancellationToken ct)
    {
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{_clusterDir}'";
        if (ephemeral) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var logFile = Path.Combine(Path.GetDirectoryName(_clusterDir)!, Path.GetFileName(_clusterDir) + ".log");
        if (IsRoot) await EnsureServiceUserOwnsAsync(logFile, ct);
        var result = await RunAsync("pg_ctl", ["-D", _clusterDir, "-l", logFile, "-w", "-t", "60", "-o", settings, "start"], ct);
        if (result.ExitCode != 0)
            throw EmbeddedPostgresException.StartFailed(logFile, Tail(logFile));
        _logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port}", Port);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", Database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database.Replace("\"", "")}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    private Task<ProcessResult> RunAsync(string tool, IEnumerable<string> args, CancellationToken ct)
    {
        var path = Path.Combine(_binDir, tool);
        return IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", path, .. args], CommandTimeout, ct)
            : ProcessRunner.RunAsync(path, args, CommandTimeout, ct);
    }

    private async Task GiveToServiceUserAsync(CancellationToken ct)
    {
        if (!IsRoot) return;
        await EnsureServiceUserExistsAsync(ct);
        await ProcessRunner.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _clusterDir.StartsWith(DataFolder, StringComparison.Ordinal) ? DataFolder : _clusterDir], CommandTimeout, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_clusterDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var canEnter = await ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", "test", "-w", _clusterDir], CommandTimeout, ct);
        if (canEnter.ExitCode != 0)
            throw EmbeddedPostgresException.DataFolderNotWritable(DataFolder);
    }

    private async Task EnsureServiceUserOwnsAsync(string logFile, CancellationToken ct)
    {
        if (!File.Exists(logFile)) await File.WriteAllTextAsync(logFile, "", ct);
        await ProcessRunner.RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", logFile], CommandTimeout, ct);
    }

    private static async Task EnsureServiceUserExistsAsync(CancellationToken ct)
    {
        var id = await ProcessRunner.RunAsync("id", ["-u", ServiceUser], CommandTimeout, ct);
        if (id.ExitCode != 0)
            await ProcessRunner.RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser], CommandTimeout, ct);
    }

    // Environment.UserName reads the effective user's name (getpwuid(geteuid())).
    private static bool IsRoot => Environment.UserName == "root";

    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() is "postgres" or "postmaster";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Tail(string file)
    {
        try
        {
            return string.Join(" ", File.ReadLines(file).TakeLast(3));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
}
