namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.HasKey(x => new { x.UnitCode, x.Code });
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Code).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.NameVi).HasMaxLength(Agency.MaxNameLength);
        b.Property(x => x.NameEn).HasMaxLength(Agency.MaxNameLength);
        b.Property(x => x.SearchText).HasMaxLength(Agency.MaxSearchTextLength);
        b.Property(x => x.SuccessorUnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.SuccessorCode).HasMaxLength(Slug.MaxLength);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => new { x.SuccessorUnitCode, x.SuccessorCode }).OnDelete(DeleteBehavior.Restrict);
    }
}
