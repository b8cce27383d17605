namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.MapCatalogueRecord("tasks");
        b.HiLoKey(x => x.Id, "tasks_hilo");
        b.HasIndex(x => new { x.DocumentCode, x.Number }).IsUnique();
        b.Slugs(x => x.DocumentCode, x => x.UnitCode, x => x.LeadAgencyCode);
        b.Property(x => x.CoordinatingAgencyCodes).HasColumnType("text[]");
        b.Property(x => x.NameVi).HasMaxLength(PlanTask.MaxNameLength);
        b.Property(x => x.CoordinatingText).HasMaxLength(PlanTask.MaxCoordinatingTextLength);
        b.Property(x => x.ProductVi).HasMaxLength(PlanTask.MaxProductLength);
        b.Property(x => x.TimeframeText).HasMaxLength(PlanTask.MaxTimeframeTextLength);
        b.Property(x => x.ProgressNote).HasMaxLength(PlanTask.MaxProgressNoteLength);
        b.Property(x => x.SourceFile).HasMaxLength(CatalogueRecord.MaxSourceFileLength);
        b.Property(x => x.SourceQuote).HasMaxLength(Target.MaxQuoteLength);
        b.Property(x => x.SearchText).HasMaxLength(PlanTask.MaxSearchTextLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsRowVersion();
        b.References<PolicyDocument>(nameof(PlanTask.DocumentCode));
        b.References<Agency>(nameof(PlanTask.UnitCode), nameof(PlanTask.LeadAgencyCode));
    }
}
