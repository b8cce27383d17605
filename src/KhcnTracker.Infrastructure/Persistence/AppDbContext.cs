using KhcnTracker.Application.Common;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

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
    public DbSet<UnitPeriod> UnitPeriods => Set<UnitPeriod>();
    public DbSet<ReportedValue> Values => Set<ReportedValue>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<TaskProgressReport> TaskReports => Set<TaskProgressReport>();
    public DbSet<TaskEvidence> TaskEvidence => Set<TaskEvidence>();
    public DbSet<Domain.Progress.Dashboard> Dashboards => Set<Domain.Progress.Dashboard>();
    public DbSet<Domain.Progress.Publication> Publications => Set<Domain.Progress.Publication>();
    public DbSet<Domain.Auditing.AuditEntry> AuditLog => Set<Domain.Auditing.AuditEntry>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<MailOptOut> MailOptOuts => Set<MailOptOut>();
    public DbSet<OutboxMail> Outbox => Set<OutboxMail>();

    public IQueryable<Domain.Auditing.AuditEntry> EvidenceTrailOf(IReadOnlyCollection<int> valueIds)
    {
        var ids = valueIds.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // The expression of the index ix_audit_log_evidence_value (migration AuditWords): the value an evidence row belongs to.
        return AuditLog.FromSql($"""
            SELECT * FROM audit_log WHERE entity IN ('evidence', 'Evidence') AND COALESCE(changes->'value_id'->>1, changes->'value_id'->>0,
                changes->'ValueId'->>1, changes->'ValueId'->>0) = ANY({ids})
            """);
    }

    /// <summary>Who the audit trail names for what this context saves.</summary>
    public Auditing.AuditActor Audit { get; set; } = Auditing.AuditActor.System;

    public void SetAuditOrigin(string origin) => Audit = Audit.From(origin);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>One context per operation, each saving in the name of the caller (scoped: one per request or circuit).</summary>
public sealed class AppDbContextFactory(IDbContextFactory<AppDbContext> factory, ICurrentUser? user = null) : IAppDbContextFactory, IReportingDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        if (user is not null) db.Audit = new Auditing.AuditActor(() => user.Account, () => user.Origin);
        return db;
    }
}

/// <summary>Contexts on the reporting replica (<c>ConnectionStrings:Reports</c>): read-only, so no auditing, no tracking.</summary>
internal sealed class ReplicaDbContextFactory(DbContextOptions<AppDbContext> options) : IReportingDbContextFactory
{
    public Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) => Task.FromResult<IAppDbContext>(new AppDbContext(options));
}
