using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class DashboardConfiguration : IEntityTypeConfiguration<Dashboard>
{
    public void Configure(EntityTypeBuilder<Dashboard> b)
    {
        b.ToTable("dashboards");
        b.HiLoKey(x => x.Id, "dashboards_hilo");
        b.Slugs(x => x.UnitCode);
        b.Texts(Dashboard.MaxNameLength, x => x.Name);
        b.Texts(Accounts.MaxNameLength, x => x.Author);
        // Indicator codes in the author's order; each a slug, at most Dashboard.MaxCards of them (the domain's guard).
        b.Property(x => x.IndicatorCodes).HasColumnType($"character varying({Slug.MaxLength})[]");
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.UnitCode);
        b.References<AdministrativeUnit>(nameof(Dashboard.UnitCode));
    }
}
