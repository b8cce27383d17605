namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.MapCatalogueRecord("indicators");
        b.HasKey(x => x.Code);
        b.Slugs(x => x.Code);
        b.Texts(Indicator.MaxNameLength, x => x.NameVi, x => x.NameEn);
        b.Texts(Indicator.MaxDefinitionLength, x => x.DefinitionVi, x => x.DefinitionEn);
        b.Property(x => x.SearchText).HasMaxLength(Indicator.MaxSearchTextLength);
        b.Property(x => x.Measure).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Formula).HasMaxLength(Indicator.MaxFormulaLength);
        b.Property(x => x.ExpectedMin).HasPrecision(20, 6);
        b.Property(x => x.ExpectedMax).HasPrecision(20, 6);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.Band);
        b.Ignore(x => x.IsComputed);
    }
}
