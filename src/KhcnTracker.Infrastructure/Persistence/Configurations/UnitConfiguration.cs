namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("units");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.NameVi).HasMaxLength(AdministrativeUnit.MaxNameLength);
        b.Property(x => x.NameEn).HasMaxLength(AdministrativeUnit.MaxNameLength);
        b.Property(x => x.SearchText).HasMaxLength(AdministrativeUnit.MaxSearchTextLength);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SuccessorCode).HasMaxLength(Slug.MaxLength);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.SuccessorCode).OnDelete(DeleteBehavior.Restrict);
    }
}
