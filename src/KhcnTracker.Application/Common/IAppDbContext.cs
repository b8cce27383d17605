namespace KhcnTracker.Application.Common;

/// <summary>The database as the use cases see it. Blazor components create one per operation through <see cref="IAppDbContextFactory"/>.</summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<AdministrativeUnit> Units { get; }
    DbSet<Agency> Agencies { get; }
    DbSet<PolicyDocument> Documents { get; }
    DbSet<Indicator> Indicators { get; }
    DbSet<Target> Targets { get; }
    DbSet<PlanTask> Tasks { get; }
    DbSet<Assignment> Assignments { get; }
    DbSet<ReportingPeriod> Periods { get; }
    /// <summary>Each province's state of each period (decision 0009).</summary>
    DbSet<UnitPeriod> UnitPeriods { get; }
    DbSet<ReportedValue> Values { get; }
    DbSet<Evidence> Evidence { get; }
    DbSet<ReportNarrative> ReportNarratives { get; }
    DbSet<TaskProgressReport> TaskReports { get; }
    DbSet<TaskEvidence> TaskEvidence { get; }
    /// <summary>Leaders' own pages of indicator cards.</summary>
    DbSet<Domain.Progress.Dashboard> Dashboards { get; }
    /// <summary>The indicators each province publishes on its open progress pages.</summary>
    DbSet<Domain.Progress.Publication> Publications { get; }
    /// <summary>The audit trail: read here, written only by the persistence layer with every change.</summary>
    DbSet<Domain.Auditing.AuditEntry> AuditLog { get; }
    /// <summary>The notifications each person has read (by the notification's key).</summary>
    DbSet<NotificationRead> NotificationReads { get; }
    /// <summary>The kinds of e-mail each person switched off.</summary>
    DbSet<MailOptOut> MailOptOuts { get; }
    /// <summary>The e-mails decided (unique per recipient and key) and whether they were delivered.</summary>
    DbSet<OutboxMail> Outbox { get; }

    /// <summary>The audit rows of every evidence file ever attached to these values, removed ones too (by their value id).</summary>
    IQueryable<Domain.Auditing.AuditEntry> EvidenceTrailOf(IReadOnlyCollection<int> valueIds);

    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    /// <summary>Names where the changes saved through this context come from in the audit trail (e.g. an import batch).</summary>
    void SetAuditOrigin(string origin);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A context for the heavy reads of exports and the periodic report, which rebuild whole grids from the audit trail.
/// Production points it at a streaming replica (<c>ConnectionStrings:Reports</c>, docs/operations.md) so that these
/// reads never slow down people entering figures; without one it is the main database. Nothing is saved through it.
/// </summary>
public interface IReportingDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
