namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.Property(x => x.RetiredBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.RetiredReason).HasMaxLength(Retirement.MaxReasonLength);
        b.ToTable("tasks");
        b.HasKey(x => x.Id);
        // Ids come from a HiLo sequence before the insert, so the audit row written with it already knows the key.
        b.Property(x => x.Id).UseHiLo("tasks_hilo");
        b.HasIndex(x => new { x.DocumentCode, x.Number }).IsUnique();
        b.Property(x => x.DocumentCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.LeadAgencyCode).HasMaxLength(Slug.MaxLength);
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
        b.HasOne<PolicyDocument>().WithMany().HasForeignKey(x => x.DocumentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => new { x.UnitCode, x.LeadAgencyCode }).OnDelete(DeleteBehavior.Restrict);
    }
}
