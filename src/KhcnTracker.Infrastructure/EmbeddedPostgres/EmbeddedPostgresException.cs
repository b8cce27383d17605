namespace KhcnTracker.Infrastructure.EmbeddedPostgres;

/// <summary>A set-up fault of the embedded database, told in one sentence an operator can act on (no stack trace needed).</summary>
public sealed class EmbeddedPostgresException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static EmbeddedPostgresException NoBinaries(IEnumerable<string> searched) => new(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found in " + string.Join(", ", searched) +
        ": install them with `sudo apt-get install -y postgresql`, or run `docker compose up -d db` and set " +
        "ConnectionStrings__Default=\"Host=localhost;Port=5432;Database=khcn;Username=khcn;Password=khcn\".");

    public static EmbeddedPostgresException DataFolderNotWritable(string folder, Exception? inner = null) => new(
        $"The embedded database's data folder '{folder}' cannot be written: choose a writable folder with " +
        "Embedded__DataFolder=/path/to/folder, or set ConnectionStrings__Default to use another PostgreSQL server.", inner);

    public static EmbeddedPostgresException StartFailed(string logFile, string logTail) => new(
        $"The embedded PostgreSQL server did not start; its log '{logFile}' ends with: {logTail}");
}
