using KhcnTracker.Infrastructure.Catalogue;
using KhcnTracker.Infrastructure.EmbeddedPostgres;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;

namespace KhcnTracker.Testing;

/// <summary>
/// The one PostgreSQL server of a test run, chosen in this order: the connection string in <c>KHCN_TEST_DB</c>;
/// Testcontainers when a Docker daemon answers (the image in <c>KHCN_TEST_PG_IMAGE</c>, else <see cref="DefaultImage"/>);
/// otherwise the app's own embedded launcher. <see cref="PostgresTools"/> runs client tools of the server's own version.
/// Each test class gets its own database, cloned from a template that holds the migrations and the shipped catalogue.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The newest PostgreSQL the portal supports; CI also runs the oldest (README, the workflow's matrix).</summary>
    public const string DefaultImage = "postgres:17-alpine";

    /// <summary>The container the server runs in, when Testcontainers started it.</summary>
    internal static PostgreSqlContainer? Container { get; private set; }

    /// <summary>The embedded server's binaries, when the embedded launcher started it.</summary>
    internal static string? EmbeddedBinFolder { get; private set; }

    /// <summary>A connection string for the maintenance database of the test server.</summary>
    public static Task<string> ServerAsync() => Server.Value;

    /// <summary>A new database with the schema and the shipped catalogue; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var template = await Template.Value;
        var name = $"test_{RunId}_{Guid.NewGuid():N}"[..40];
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync(await ServerAsync(), $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CloneLock.Release();
        }
        return WithDatabase(await ServerAsync(), name);
    }

    /// <summary>A new, empty database (no migrations applied).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{RunId}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync(await ServerAsync(), $"CREATE DATABASE \"{name}\"");
        return WithDatabase(await ServerAsync(), name);
    }

    /// <summary>The app's own options: Npgsql and the audit interceptor.</summary>
    public static DbContextOptions<AppDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString)
            .AddInterceptors(new Infrastructure.Auditing.AuditInterceptor(TestClock.Shared)).Options;

    public static IDbContextFactory<AppDbContext> Factory(string connectionString) =>
        new PooledDbContextFactory<AppDbContext>(Options(connectionString));

    public static async Task MigrateAndLoadAsync(string connectionString)
    {
        await using (var db = new AppDbContext(Options(connectionString)))
            await db.Database.MigrateAsync();
        await new CatalogueLoader(Factory(connectionString), NullLogger<CatalogueLoader>.Instance, TestClock.Shared).LoadAsync(CatalogueFiles.ReadShipped());
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"template_{RunId}";
        await ExecuteAsync(await ServerAsync(), $"CREATE DATABASE \"{name}\"");
        var connectionString = WithDatabase(await ServerAsync(), name);
        await MigrateAndLoadAsync(connectionString);
        // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task<string> StartServerAsync()
    {
        if (Environment.GetEnvironmentVariable("KHCN_TEST_DB") is { Length: > 0 } configured)
            return configured;
        if (DockerAnswers())
        {
            var image = Environment.GetEnvironmentVariable("KHCN_TEST_PG_IMAGE") is { Length: > 0 } pinned ? pinned : DefaultImage;
            var container = new PostgreSqlBuilder(image).Build();
            await container.StartAsync();
            Container = container;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return WithDatabase(container.GetConnectionString(), "postgres");
        }
        var folder = Path.Combine(Path.GetTempPath(), $"khcn-test-pg-{RunId}");
        var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions
        {
            DataFolder = folder,
            Database = "postgres",
            Ephemeral = true,
        });
        EmbeddedBinFolder = cluster.BinFolder;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster.ConnectionString("postgres");
    }

    // Testcontainers fails slowly in Build() without a daemon: look for its socket first.
    private static bool DockerAnswers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host)) return true;
        if (!File.Exists("/var/run/docker.sock")) return false;
        try
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint("/var/run/docker.sock"));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
