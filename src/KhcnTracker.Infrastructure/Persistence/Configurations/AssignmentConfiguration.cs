namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasKey(x => new { x.UnitCode, x.IndicatorCode });
        b.Slugs(x => x.UnitCode, x => x.IndicatorCode, x => x.AgencyCode);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.UnitCode, x.AgencyCode });
        b.References<Indicator>(nameof(Assignment.IndicatorCode));
        b.References<Agency>(nameof(Assignment.UnitCode), nameof(Assignment.AgencyCode));
    }
}
