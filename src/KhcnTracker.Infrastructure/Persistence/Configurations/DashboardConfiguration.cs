using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class DashboardConfiguration : IEntityTypeConfiguration<Dashboard>
{
    public void Configure(EntityTypeBuilder<Dashboard> b)
    {
        b.ToTable("dashboards");
        b.HasKey(x => x.Id);
        // Ids come from a HiLo sequence before the insert, so the audit row written with it already knows the key.
        b.Property(x => x.Id).UseHiLo("dashboards_hilo");
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Name).HasMaxLength(Dashboard.MaxNameLength);
        // Indicator codes in the author's order; each a slug, at most Dashboard.MaxCards of them (the domain's guard).
        b.Property(x => x.IndicatorCodes).HasColumnType($"character varying({Slug.MaxLength})[]");
        b.Property(x => x.Author).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.UnitCode);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
    }
}
