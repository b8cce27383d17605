using KhcnTracker.Infrastructure.EmbeddedPostgres;

namespace KhcnTracker.Web.Hosting;

/// <summary>Without <c>ConnectionStrings:Default</c> the portal runs on an embedded PostgreSQL cluster of its own.</summary>
public static class EmbeddedDatabase
{
    /// <summary>Starts the embedded cluster when no connection string is set, and returns the connection string to use.</summary>
    public static async Task<(string ConnectionString, EmbeddedPostgresCluster? Cluster)> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        var options = builder.Configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>() ?? new();
        options.DataFolder = DataFolder(builder);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole());
        var cluster = await EmbeddedPostgresCluster.StartAsync(options, loggerFactory.CreateLogger("EmbeddedPostgres"));
        return (cluster.ConnectionString(), cluster);
    }

    /// <summary>The portal's data folder (<c>Embedded:DataFolder</c>, relative to the content root): the cluster and the evidence files.</summary>
    public static string DataFolder(WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[$"{EmbeddedPostgresOptions.Section}:DataFolder"] ?? ".data";
        return Path.IsPathRooted(folder) ? folder : Path.Combine(builder.Environment.ContentRootPath, folder);
    }

    /// <summary>Stops the cluster when the app stops.</summary>
    public static void StopWith(this EmbeddedPostgresCluster cluster, IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());
}
