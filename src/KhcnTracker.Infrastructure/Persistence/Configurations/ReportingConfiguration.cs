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
        b.MapUnitAndPeriodKey("unit_periods");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(ReportingPeriod.MaxCodeLength);
        b.Property(x => x.Reason).HasMaxLength(UnitPeriod.MaxReasonLength);
        b.Property(x => x.ChangedBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.Code);
        b.Ignore(x => x.Year);
        b.Ignore(x => x.Half);
        b.Ignore(x => x.DueOn);
        b.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodCode).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Period).AutoInclude();
    }
}

internal sealed class ReportedValueConfiguration : IEntityTypeConfiguration<ReportedValue>
{
    public void Configure(EntityTypeBuilder<ReportedValue> b)
    {
        b.ToTable("reported_values");
        b.HiLoKey(x => x.Id, "reported_values_hilo");
        // One row per revision; the highest revision is the one being worked on.
        b.HasIndex(x => new { x.UnitCode, x.IndicatorCode, x.PeriodCode, x.Revision }).IsUnique();
        b.HasIndex(x => new { x.UnitCode, x.PeriodCode, x.Status });
        // Progress reads only approved values, by unit and indicator: a narrow index that carries the value answers it alone.
        b.HasIndex(x => new { x.UnitCode, x.IndicatorCode, x.PeriodCode, x.Revision }, "IX_reported_values_approved")
            .HasFilter("\"Status\" = 'Approved'")
            .IncludeProperties(x => x.Value);
        b.Slugs(x => x.UnitCode, x => x.IndicatorCode);
        b.Texts(ReportingPeriod.MaxCodeLength, x => x.PeriodCode);
        b.Property(x => x.Value).HasPrecision(20, 6);
        b.Texts(ReportedValue.MaxTextLength, x => x.Source, x => x.Note);
        b.MapReview(ReportedValue.MaxTextLength);
        b.References<AdministrativeUnit>(nameof(ReportedValue.UnitCode));
        b.References<Indicator>(nameof(ReportedValue.IndicatorCode));
        b.References<ReportingPeriod>(nameof(ReportedValue.PeriodCode));
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.MapEvidenceFile("evidence");
        b.HasIndex(x => x.ValueId);
        b.References<ReportedValue>(nameof(Evidence.ValueId));
    }
}

internal sealed class ReportNarrativeConfiguration : IEntityTypeConfiguration<ReportNarrative>
{
    public void Configure(EntityTypeBuilder<ReportNarrative> b)
    {
        b.MapUnitAndPeriodKey("report_narratives");
        b.Texts(ReportNarrative.MaxTextLength, x => x.Assessment, x => x.Difficulties, x => x.Proposals);
        b.Property(x => x.UpdatedBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Version).IsRowVersion();
        b.References<ReportingPeriod>(nameof(ReportNarrative.PeriodCode));
    }
}

internal sealed class TaskProgressReportConfiguration : IEntityTypeConfiguration<TaskProgressReport>
{
    public void Configure(EntityTypeBuilder<TaskProgressReport> b)
    {
        b.ToTable("task_progress_reports");
        b.HiLoKey(x => x.Id, "task_progress_reports_hilo");
        // One row per revision; the highest revision is the one being worked on.
        b.HasIndex(x => new { x.TaskId, x.Revision }).IsUnique();
        b.HasIndex(x => new { x.UnitCode, x.Status });
        b.Slugs(x => x.UnitCode, x => x.AgencyCode);
        b.Property(x => x.Progress).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(TaskProgressReport.MaxTextLength);
        b.MapReview(TaskProgressReport.MaxReasonLength);
        b.ToTable(t => t.HasCheckConstraint("CK_task_progress_reports_percent", "\"Percent\" BETWEEN 0 AND 100"));
        b.References<PlanTask>(nameof(TaskProgressReport.TaskId));
        b.References<Agency>(nameof(TaskProgressReport.UnitCode), nameof(TaskProgressReport.AgencyCode));
    }
}

internal sealed class TaskEvidenceConfiguration : IEntityTypeConfiguration<TaskEvidence>
{
    public void Configure(EntityTypeBuilder<TaskEvidence> b)
    {
        b.MapEvidenceFile("task_evidence");
        b.HasIndex(x => x.ReportId);
        b.References<TaskProgressReport>(nameof(TaskEvidence.ReportId));
    }
}
