namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.MapCatalogueRecord("documents");
        b.HasKey(x => x.Code);
        b.Slugs(x => x.Code, x => x.UnitCode, x => x.ImplementsCode);
        b.Property(x => x.Number).HasMaxLength(PolicyDocument.MaxNumberLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Texts(PolicyDocument.MaxTitleLength, x => x.TitleVi, x => x.TitleEn);
        b.Property(x => x.Issuer).HasMaxLength(PolicyDocument.MaxIssuerLength);
        b.Property(x => x.SourceFile).HasMaxLength(CatalogueRecord.MaxSourceFileLength);
        b.Property(x => x.Version).IsRowVersion();
        b.References<AdministrativeUnit>(nameof(PolicyDocument.UnitCode));
        b.References<PolicyDocument>(nameof(PolicyDocument.ImplementsCode));
    }
}
