using KhcnTracker.Infrastructure.Catalogue;
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

    /// <summary>
    /// The role the portal serves as, when it is not the migrating owner: after every migrate it is granted what the
    /// app needs and no more (<see cref="AppRoleGrants"/>). Empty in development, where one role does both.
    /// </summary>
    public string AppRole { get; set; } = "";
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
        if (options.Value.AppRole.Length > 0)
        {
            await AppRoleGrants.ApplyAsync(db, options.Value.AppRole, ct);
            logger.LogInformation("Application role {Role} granted the portal's rights", options.Value.AppRole);
        }
        logger.LogInformation("Database schema is up to date ({Migration})", (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());
    }
}
