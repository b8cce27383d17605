using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Infrastructure.Persistence;

/// <remarks>
/// Add a migration with:
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/KhcnTracker.Infrastructure --startup-project src/KhcnTracker.Infrastructure --output-dir Persistence/Migrations</c>
/// </remarks>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<PortalUserAccount, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>Data Protection keys live in PostgreSQL so that restarts and several instances keep sign-ins.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<PolicyDocument> Documents => Set<PolicyDocument>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<ReportedValue> Values => Set<ReportedValue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class AppDbContextFactory(IDbContextFactory<AppDbContext> factory) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
