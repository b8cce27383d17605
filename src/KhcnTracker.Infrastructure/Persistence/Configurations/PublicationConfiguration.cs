using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ToTable("publications");
        b.HasKey(x => new { x.UnitCode, x.IndicatorCode });
        b.Slugs(x => x.UnitCode, x => x.IndicatorCode);
        b.Texts(Accounts.MaxNameLength, x => x.PublishedBy);
        b.References<AdministrativeUnit>(nameof(Publication.UnitCode));
        b.References<Indicator>(nameof(Publication.IndicatorCode));
    }
}
