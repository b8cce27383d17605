using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ToTable("publications");
        b.HasKey(x => new { x.UnitCode, x.IndicatorCode });
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.IndicatorCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.PublishedBy).HasMaxLength(Accounts.MaxNameLength);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
    }
}
