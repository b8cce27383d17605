namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.MapCatalogueRecord("targets");
        b.HiLoKey(x => x.Id, "targets_hilo");
        // One target per document, unit, indicator and year: the catalogue loader's natural key.
        b.HasIndex(x => new { x.DocumentCode, x.UnitCode, x.IndicatorCode, x.Year }).IsUnique();
        b.HasIndex(x => new { x.UnitCode, x.Year });
        b.Slugs(x => x.DocumentCode, x => x.UnitCode, x => x.IndicatorCode);
        b.Property(x => x.Comparator).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.GrowthMode).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.ValueMax).HasPrecision(18, 4);
        b.Property(x => x.BaselineValue).HasPrecision(18, 4);
        b.Property(x => x.SourceFile).HasMaxLength(CatalogueRecord.MaxSourceFileLength);
        b.Property(x => x.SourceQuote).HasMaxLength(Target.MaxQuoteLength);
        b.Property(x => x.NoteVi).HasMaxLength(Target.MaxNoteLength);
        b.Property(x => x.SearchText).HasMaxLength(Target.MaxSearchTextLength);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.Growth);
        b.Ignore(x => x.Terms);
        b.References<PolicyDocument>(nameof(Target.DocumentCode));
        b.References<AdministrativeUnit>(nameof(Target.UnitCode));
        b.References<Indicator>(nameof(Target.IndicatorCode));
    }
}
