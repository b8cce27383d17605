using KhcnTracker.Infrastructure.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up. Turn off in production and run the app with <c>migrate</c> instead.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Load the shipped catalogue at start-up (idempotent).</summary>
    public bool LoadCatalogueOnStart { get; set; } = true;
}

/// <summary>Brings the database up to date before the app serves its first request.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> factory, CatalogueLoader loader, IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart) await MigrateAsync(cancellationToken);
        if (options.Value.LoadCatalogueOnStart) await loader.LoadAsync(CatalogueFiles.ReadShipped(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken ct)
    {
        // MigrateAsync checks for the history table itself; asking for pending migrations first logs an error on an empty database.
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Database schema is up to date ({Migration})", (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());
    }
}
