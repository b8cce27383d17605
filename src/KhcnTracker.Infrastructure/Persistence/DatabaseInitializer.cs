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
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
    }
}
