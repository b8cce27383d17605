namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(x => x.RetiredBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.RetiredReason).HasMaxLength(Retirement.MaxReasonLength);
        b.ToTable("indicators");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.NameVi).HasMaxLength(Indicator.MaxNameLength);
        b.Property(x => x.NameEn).HasMaxLength(Indicator.MaxNameLength);
        b.Property(x => x.DefinitionVi).HasMaxLength(Indicator.MaxDefinitionLength);
        b.Property(x => x.DefinitionEn).HasMaxLength(Indicator.MaxDefinitionLength);
        b.Property(x => x.SearchText).HasMaxLength(Indicator.MaxSearchTextLength);
        b.Property(x => x.Measure).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Formula).HasMaxLength(Indicator.MaxFormulaLength);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.IsComputed);
    }
}
