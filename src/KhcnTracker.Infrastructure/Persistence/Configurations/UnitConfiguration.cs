namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("units");
        b.HasKey(x => x.Code);
        b.Slugs(x => x.Code, x => x.SuccessorCode);
        b.Texts(AdministrativeUnit.MaxNameLength, x => x.NameVi, x => x.NameEn);
        b.Property(x => x.SearchText).HasMaxLength(AdministrativeUnit.MaxSearchTextLength);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.References<AdministrativeUnit>(nameof(AdministrativeUnit.SuccessorCode));
        b.Property(x => x.IsCity).HasDefaultValue(false);
        b.Property(x => x.LineageToBeConfirmed).HasDefaultValue(false);
    }
}
