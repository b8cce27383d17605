namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.HasKey(x => new { x.UnitCode, x.Code });
        b.Slugs(x => x.UnitCode, x => x.Code, x => x.SuccessorUnitCode, x => x.SuccessorCode);
        b.Texts(Agency.MaxNameLength, x => x.NameVi, x => x.NameEn);
        b.Property(x => x.SearchText).HasMaxLength(Agency.MaxSearchTextLength);
        b.References<AdministrativeUnit>(nameof(Agency.UnitCode));
        b.References<Agency>(nameof(Agency.SuccessorUnitCode), nameof(Agency.SuccessorCode));
    }
}
