namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.Property(x => x.RetiredBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.RetiredReason).HasMaxLength(Retirement.MaxReasonLength);
        b.ToTable("targets");
        b.HasKey(x => x.Id);
        // Ids come from a HiLo sequence before the insert, so the audit row written with it already knows the key.
        b.Property(x => x.Id).UseHiLo("targets_hilo");
        // One target per document, unit, indicator and year: the catalogue loader's natural key.
        b.HasIndex(x => new { x.DocumentCode, x.UnitCode, x.IndicatorCode, x.Year }).IsUnique();
        b.HasIndex(x => new { x.UnitCode, x.Year });
        b.Property(x => x.DocumentCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.IndicatorCode).HasMaxLength(Slug.MaxLength);
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
        b.HasOne<PolicyDocument>().WithMany().HasForeignKey(x => x.DocumentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
    }
}
