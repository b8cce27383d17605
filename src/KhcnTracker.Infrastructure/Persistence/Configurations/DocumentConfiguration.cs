namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.Property(x => x.RetiredBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.RetiredReason).HasMaxLength(Retirement.MaxReasonLength);
        b.ToTable("documents");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Number).HasMaxLength(PolicyDocument.MaxNumberLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.TitleVi).HasMaxLength(PolicyDocument.MaxTitleLength);
        b.Property(x => x.TitleEn).HasMaxLength(PolicyDocument.MaxTitleLength);
        b.Property(x => x.Issuer).HasMaxLength(PolicyDocument.MaxIssuerLength);
        b.Property(x => x.SourceFile).HasMaxLength(CatalogueRecord.MaxSourceFileLength);
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.ImplementsCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyDocument>().WithMany().HasForeignKey(x => x.ImplementsCode).OnDelete(DeleteBehavior.Restrict);
    }
}
