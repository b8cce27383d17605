using KhcnTracker.Domain.Auditing;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

/// <summary>The audit trail; its chain and append-only rule live in PostgreSQL (see the AuditTrail migration).</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).HasColumnName("sequence").UseIdentityByDefaultColumn();
        b.Property(x => x.At).HasColumnName("at");
        b.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Origin).HasColumnName("origin").HasMaxLength(100);
        b.Property(x => x.Entity).HasColumnName("entity").HasMaxLength(64);
        b.Property(x => x.EntityKey).HasColumnName("entity_key").HasMaxLength(200);
        b.Property(x => x.Action).HasColumnName("action").HasMaxLength(16);
        b.Property(x => x.Changes).HasColumnName("changes").HasColumnType("jsonb");
        // Rows written before the column existed are format 1; the portal always writes the current format itself.
        b.Property(x => x.Format).HasColumnName("format").HasDefaultValue(1).ValueGeneratedNever();
        b.Property(x => x.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64);
        b.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => x.At);
    }
}
