using Npgsql;

namespace KhcnTracker.Infrastructure.Persistence;

internal static class ConnectionPool
{
    /// <summary>Connections one instance may hold when its connection string does not say.</summary>
    public const int DefaultMaxSize = 40;

    /// <summary>
    /// Npgsql's own default (100) is PostgreSQL's whole default <c>max_connections</c>: a busy instance would take them
    /// all, and hundreds of people near a deadline then meet "too many clients" instead of a short wait for a connection.
    /// 40 leaves room for a second instance and the operators' tools; a connection string that names a pool size wins.
    /// </summary>
    public static string Limited(string connectionString) =>
        connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxSize }.ConnectionString;
}
