namespace KhcnTracker.Infrastructure.EmbeddedPostgres;

public sealed class EmbeddedPostgresOptions
{
    public const string Section = "Embedded";

    /// <summary>Folder that holds the cluster (<c>pgdata</c>) and its log; it survives restarts.</summary>
    public string DataFolder { get; set; } = ".data";

    /// <summary>Database the app uses inside the cluster.</summary>
    public string Database { get; set; } = "khcn";

    /// <summary>Folders searched for the server binaries; null searches the usual places.</summary>
    public IReadOnlyList<string>? BinarySearchPaths { get; set; }

    /// <summary>
    /// A throw-away cluster for tests: no fsync. Never for the user's data.
    /// </summary>
    public bool Ephemeral { get; set; }
}
