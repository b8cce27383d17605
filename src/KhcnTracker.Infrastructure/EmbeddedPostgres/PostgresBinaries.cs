using System.Diagnostics;

namespace KhcnTracker.Infrastructure.EmbeddedPostgres;

/// <summary>Finds the PostgreSQL server binaries already on the machine: <c>pg_config --bindir</c>, <c>/usr/lib/postgresql/*/bin</c>, then <c>PATH</c>.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    public static string Locate(IReadOnlyList<string>? searchPaths = null)
    {
        var candidates = searchPaths ?? DefaultCandidates();
        return candidates.FirstOrDefault(HasServer) ?? throw EmbeddedPostgresException.NoBinaries(candidates);
    }

    public static IReadOnlyList<string> DefaultCandidates()
    {
        var list = new List<string>();
        if (PgConfigBinDir() is { } fromPgConfig) list.Add(fromPgConfig);
        if (Directory.Exists("/usr/lib/postgresql"))
            list.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        list.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return list.Distinct().ToList();
    }

    private static bool HasServer(string dir) => Required.All(name => File.Exists(Path.Combine(dir, name)));

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed: the other places may still hold the server.
        }
    }
}
