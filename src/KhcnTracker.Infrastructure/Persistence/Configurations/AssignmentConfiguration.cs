namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasKey(x => new { x.UnitCode, x.IndicatorCode });
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.IndicatorCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.AgencyCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.UnitCode, x.AgencyCode });
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => new { x.UnitCode, x.AgencyCode }).OnDelete(DeleteBehavior.Restrict);
    }
}
