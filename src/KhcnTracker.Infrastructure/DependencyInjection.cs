using KhcnTracker.Application.Common;
using KhcnTracker.Infrastructure.Catalogue;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.Infrastructure;

public static class DependencyInjection
{
    /// <param name="dataFolder">Where the portal keeps its files (evidence under <c>files/</c>).</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string connectionString,
        string dataFolder)
    {
        services.AddSingleton<KhcnTracker.Application.Reporting.Import.IValueFiles, Files.ValueFiles>();
        services.AddSingleton<KhcnTracker.Application.Exports.IXlsxExportWriter, Files.XlsxExportWriter>();
        services.AddSingleton<KhcnTracker.Application.Reports.IR57ReportWriter, Reports.R57ReportWriter>();
        services.Configure<KhcnTracker.Application.Reports.PdfQueueOptions>(configuration.GetSection(KhcnTracker.Application.Reports.PdfQueueOptions.Section));
        services.AddSingleton<Reports.PdfConversionQueue>();
        services.AddSingleton<KhcnTracker.Application.Reporting.Import.IImportWriter, Files.ImportWriter>();
        services.AddSingleton<KhcnTracker.Application.Reporting.IEvidenceStore>(new Files.FileEvidenceStore(Path.Combine(dataFolder, "files")));
        services.Configure<KhcnTracker.Application.Reporting.EvidenceOptions>(configuration.GetSection(KhcnTracker.Application.Reporting.EvidenceOptions.Section));
        services.Configure<KhcnTracker.Application.Reporting.Import.ImportLimits>(configuration.GetSection(KhcnTracker.Application.Reporting.Import.ImportLimits.Section));
        services.AddSingleton<Auditing.AuditInterceptor>();
        services.AddDbContextFactory<AppDbContext>((sp, options) => options
            .UseNpgsql(ConnectionPool.Limited(connectionString), npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 5))
            .AddInterceptors(sp.GetRequiredService<Auditing.AuditInterceptor>()));
        services.AddScoped<AppDbContextFactory>();
        services.AddScoped<IAppDbContextFactory>(sp => sp.GetRequiredService<AppDbContextFactory>());
        // Exports and reports read from a replica when one is configured, else from the main database.
        if (configuration.GetConnectionString("Reports") is { Length: > 0 } replica)
            services.AddSingleton<IReportingDbContextFactory>(new ReplicaDbContextFactory(new DbContextOptionsBuilder<AppDbContext>()
                .UseNpgsql(ConnectionPool.Limited(replica), npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 5))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options));
        else
            services.AddScoped<IReportingDbContextFactory>(sp => sp.GetRequiredService<AppDbContextFactory>());
        // Identity's stores use the scoped context: it too saves in the caller's name.
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            var user = sp.GetService<ICurrentUser>();
            if (user is not null) db.Audit = new Auditing.AuditActor(() => user.Account, () => user.Origin);
            return db;
        });
        services.AddSingleton<CatalogueLoader>();
        services.AddSingleton<KhcnTracker.Application.Auditing.IAuditChain, Auditing.AuditChain>();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        // E-mail: SMTP with MailKit, or .eml files under <data>/mail/ when no server is configured; the outbox's delivery
        // uses a context of its own without retries (a transaction that sent an e-mail is never replayed).
        services.Configure<Mail.SmtpOptions>(configuration.GetSection(Mail.SmtpOptions.Section));
        services.AddSingleton(sp => new Mail.MailTransport(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mail.SmtpOptions>>(), Path.Combine(dataFolder, "mail")));
        var deliveryOptions = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionPool.Limited(connectionString)).Options;
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Mail.OutboxDelivery>(sp, deliveryOptions));
        return services;
    }
}
