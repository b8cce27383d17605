namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> b)
    {
        b.ToTable("periods");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.Ends);
    }
}

internal sealed class UnitPeriodConfiguration : IEntityTypeConfiguration<UnitPeriod>
{
    public void Configure(EntityTypeBuilder<UnitPeriod> b)
    {
        b.ToTable("unit_periods");
        b.HasKey(x => new { x.UnitCode, x.PeriodCode });
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.PeriodCode).HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.Property(x => x.Reason).HasMaxLength(UnitPeriod.MaxReasonLength);
        b.Property(x => x.ChangedBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.Code);
        b.Ignore(x => x.Year);
        b.Ignore(x => x.Half);
        b.Ignore(x => x.DueOn);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodCode).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Period).AutoInclude();
    }
}

internal sealed class ReportedValueConfiguration : IEntityTypeConfiguration<ReportedValue>
{
    public void Configure(EntityTypeBuilder<ReportedValue> b)
    {
        b.ToTable("reported_values");
        b.HasKey(x => x.Id);
        // Ids come from a HiLo sequence before the insert, so the audit row written with it already knows the key.
        b.Property(x => x.Id).UseHiLo("reported_values_hilo");
        // One row per revision; the highest revision is the one being worked on.
        b.HasIndex(x => new { x.UnitCode, x.IndicatorCode, x.PeriodCode, x.Revision }).IsUnique();
        b.HasIndex(x => new { x.UnitCode, x.PeriodCode, x.Status });
        // Progress reads only approved values, by unit and indicator: a narrow index that carries the value answers it alone.
        b.HasIndex(x => new { x.UnitCode, x.IndicatorCode, x.PeriodCode, x.Revision }, "IX_reported_values_approved")
            .HasFilter("\"Status\" = 'Approved'")
            .IncludeProperties(x => x.Value);
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.IndicatorCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.PeriodCode).HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.Property(x => x.Value).HasPrecision(20, 6);
        b.Property(x => x.Source).HasMaxLength(ReportedValue.MaxTextLength);
        b.Property(x => x.Note).HasMaxLength(ReportedValue.MaxTextLength);
        b.MapReview(ReportedValue.MaxTextLength);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.MapEvidenceFile("evidence");
        b.HasIndex(x => x.ValueId);
        b.HasOne<ReportedValue>().WithMany().HasForeignKey(x => x.ValueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> b)
    {
        b.ToTable("report_narratives");
        b.HasKey(x => new { x.UnitCode, x.PeriodCode });
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.PeriodCode).HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.Property(x => x.Assessment).HasMaxLength(ReportNarrative.MaxTextLength);
        b.Property(x => x.Difficulties).HasMaxLength(ReportNarrative.MaxTextLength);
        b.Property(x => x.Proposals).HasMaxLength(ReportNarrative.MaxTextLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskProgressReportConfiguration : IEntityTypeConfiguration<TaskProgressReport>
{
    public void Configure(EntityTypeBuilder<TaskProgressReport> b)
    {
        b.ToTable("task_progress_reports");
        b.HasKey(x => x.Id);
        // Ids come from a HiLo sequence before the insert, so the audit row written with it already knows the key.
        b.Property(x => x.Id).UseHiLo("task_progress_reports_hilo");
        // One row per revision; the highest revision is the one being worked on.
        b.HasIndex(x => new { x.TaskId, x.Revision }).IsUnique();
        b.HasIndex(x => new { x.UnitCode, x.Status });
        b.Property(x => x.UnitCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.AgencyCode).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Progress).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(TaskProgressReport.MaxTextLength);
        b.MapReview(TaskProgressReport.MaxReasonLength);
        b.ToTable(t => t.HasCheckConstraint("CK_task_progress_reports_percent", "\"Percent\" BETWEEN 0 AND 100"));
        b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => new { x.UnitCode, x.AgencyCode }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskEvidenceConfiguration : IEntityTypeConfiguration<TaskEvidence>
{
    public void Configure(EntityTypeBuilder<TaskEvidence> b)
    {
        b.MapEvidenceFile("task_evidence");
        b.HasIndex(x => x.ReportId);
        b.HasOne<TaskProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
