using Npgsql;

namespace KhcnTracker.Testing;

/// <summary>
/// PostgreSQL's client tools (pg_dump, pg_restore) of the test server's own version: inside the server's container
/// when Testcontainers runs it, else the binaries of the server's major version on this machine (the embedded
/// server's own folder). A pg_dump older than the server refuses it, so the machine's newest tool is not enough.
/// </summary>
public static class PostgresTools
{
    /// <summary>The server's version, e.g. <c>17.2</c>.</summary>
    public static async Task<string> ServerVersionAsync()
    {
        await using var connection = new NpgsqlConnection(await TestPostgres.ServerAsync());
        await connection.OpenAsync();
        return (string)(await new NpgsqlCommand("SHOW server_version", connection).ExecuteScalarAsync())!;
    }

    /// <summary>What <c>tool --version</c> says, run where <see cref="RunAsync"/> runs it.</summary>
    public static async Task<string> VersionAsync(string tool) => (await ExecAsync(tool, ["--version"])).Trim();

    /// <summary>A file path the tools can write and read (inside the container when the server runs in one).</summary>
    public static async Task<string> ScratchFileAsync(string name)
    {
        await TestPostgres.ServerAsync();
        return TestPostgres.Container is not null ? $"/tmp/{name}" : Path.Combine(Path.GetTempPath(), name);
    }

    /// <summary>Runs <paramref name="tool"/> on the database of <paramref name="connectionString"/> (as <c>-d</c>).</summary>
    public static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        // In the container the server listens on its own port 5432, whatever port the host maps it to.
        var (host, port) = TestPostgres.Container is not null ? ("127.0.0.1", 5432) : (b.Host!, b.Port);
        var conninfo = $"host={Quote(host)} port={port} user={Quote(b.Username)} password={Quote(b.Password)} dbname={Quote(b.Database)}";
        await ExecAsync(tool, ["-d", conninfo, .. arguments]);
    }

    // libpq's conninfo: a value in single quotes, with \ and ' escaped (an empty password must not swallow the next key).
    private static string Quote(string? value) => "'" + (value ?? "").Replace(@"\", @"\\").Replace("'", @"\'") + "'";

    private static async Task<string> ExecAsync(string tool, string[] arguments)
    {
        await TestPostgres.ServerAsync();
        if (TestPostgres.Container is { } container)
        {
            var result = await container.ExecAsync([tool, .. arguments]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"{tool} (in the server's container): {result.Stderr}");
            return result.Stdout;
        }
        return await ToolProcess.RunAsync(await LocalToolAsync(tool), arguments, tool);
    }

    /// <summary>The embedded server's own tool; for a server named by KHCN_TEST_DB, the machine's tool of its major version.</summary>
    private static async Task<string> LocalToolAsync(string tool)
    {
        if (TestPostgres.EmbeddedBinFolder is { } bin && File.Exists(Path.Combine(bin, tool))) return Path.Combine(bin, tool);
        var major = (await ServerVersionAsync()).Split('.', ' ')[0];
        var sameMajor = Path.Combine("/usr/lib/postgresql", major, "bin", tool);
        return File.Exists(sameMajor) ? sameMajor : tool;
    }
}
