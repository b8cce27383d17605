using System.Data.Common;
using Npgsql;

namespace KhcnTracker.Infrastructure.Persistence;

internal static class ConnectionPool
{
    /// <summary>Connections one instance may hold when its connection string does not say.</summary>
    public const int DefaultMaxSize = 40;

    /// <summary>
    /// Npgsql's own default (100) is PostgreSQL's whole default <c>max_connections</c>: a busy instance would take them
    /// all. The load drill (300 sessions) then logged connection errors and queued hundreds of queries inside PostgreSQL;
    /// with 40 the waiting happens in the pool and p95 fell from 6 s to under 2.5 s.
    /// 40 leaves room for a second instance and the operators' tools; a connection string that names a maximum wins.
    /// </summary>
    public static string Limited(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        if (keys.Any(k => k is "maxpoolsize" or "maximumpoolsize")) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = Math.Max(DefaultMaxSize, builder.MinPoolSize);
        return builder.ConnectionString;
    }
}
