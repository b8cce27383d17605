using KhcnTracker.Infrastructure.Identity;

namespace KhcnTracker.Infrastructure.Auditing;

/// <summary>
/// The fixed vocabulary the audit trail is written in (format 2, decision 0010): each audited C# type and property → a
/// stable word of the domain. Renaming a property in C# keeps its word (the keys are <c>nameof</c>); a new audited
/// property or entity has no word until one is added here, and the interceptor refuses to write it (a test fails first).
/// The words are a permanent record's language: never change one; add new ones.
/// </summary>
public static class AuditVocabulary
{
    public sealed record Subject(string Word, IReadOnlyDictionary<string, string> Fields);

    public static readonly IReadOnlyDictionary<Type, Subject> Subjects = new Dictionary<Type, Subject>
    {
        [typeof(AdministrativeUnit)] = new("unit", new Dictionary<string, string>
        {
            [nameof(AdministrativeUnit.Code)] = "code",
            [nameof(AdministrativeUnit.IsCity)] = "is_city",
            [nameof(AdministrativeUnit.Level)] = "level",
            [nameof(AdministrativeUnit.LineageToBeConfirmed)] = "lineage_to_be_confirmed",
            [nameof(AdministrativeUnit.MergedOn)] = "merged_on",
            [nameof(AdministrativeUnit.NameEn)] = "name_en",
            [nameof(AdministrativeUnit.NameVi)] = "name_vi",
            [nameof(AdministrativeUnit.SuccessorCode)] = "successor",
        }),
        [typeof(Agency)] = new("agency", new Dictionary<string, string>
        {
            [nameof(Agency.UnitCode)] = "unit",
            [nameof(Agency.Code)] = "code",
            [nameof(Agency.MergedOn)] = "merged_on",
            [nameof(Agency.NameEn)] = "name_en",
            [nameof(Agency.NameVi)] = "name_vi",
            [nameof(Agency.SuccessorCode)] = "successor",
            [nameof(Agency.SuccessorUnitCode)] = "successor_unit",
            [nameof(Agency.ToBeConfirmed)] = "to_be_confirmed",
        }),
        [typeof(Indicator)] = new("indicator", new Dictionary<string, string>
        {
            [nameof(Indicator.Code)] = "code",
            [nameof(Indicator.AllowsOver100)] = "allows_over_100",
            [nameof(Indicator.Areas)] = "areas",
            [nameof(Indicator.Decimals)] = "decimals",
            [nameof(Indicator.DefinitionEn)] = "definition_en",
            [nameof(Indicator.DefinitionVi)] = "definition_vi",
            [nameof(Indicator.Direction)] = "direction",
            [nameof(Indicator.EditedByUser)] = "edited_by_user",
            [nameof(Indicator.ExpectedMax)] = "expected_max",
            [nameof(Indicator.ExpectedMin)] = "expected_min",
            [nameof(Indicator.JumpWarningPercent)] = "jump_warning_percent",
            [nameof(Indicator.Formula)] = "formula",
            [nameof(Indicator.IsRetired)] = "is_retired",
            [nameof(Indicator.Measure)] = "measure",
            [nameof(Indicator.NameEn)] = "name_en",
            [nameof(Indicator.NameVi)] = "name_vi",
            [nameof(Indicator.ReportsHalfYearly)] = "reports_half_yearly",
            [nameof(Indicator.RetiredAt)] = "retired_at",
            [nameof(Indicator.RetiredBy)] = "retired_by",
            [nameof(Indicator.RetiredReason)] = "retired_reason",
        }),
        [typeof(PlanTask)] = new("task", new Dictionary<string, string>
        {
            [nameof(PlanTask.Id)] = "id",
            [nameof(PlanTask.CoordinatingAgencyCodes)] = "coordinating_agencies",
            [nameof(PlanTask.CoordinatingText)] = "coordinating_text",
            [nameof(PlanTask.DocumentCode)] = "document",
            [nameof(PlanTask.EditedByUser)] = "edited_by_user",
            [nameof(PlanTask.EndYear)] = "end_year",
            [nameof(PlanTask.IsRetired)] = "is_retired",
            [nameof(PlanTask.LeadAgencyCode)] = "lead_agency",
            [nameof(PlanTask.NameVi)] = "name_vi",
            [nameof(PlanTask.Number)] = "number",
            [nameof(PlanTask.PercentDone)] = "percent_done",
            [nameof(PlanTask.ProductVi)] = "product_vi",
            [nameof(PlanTask.ProgressNote)] = "progress_note",
            [nameof(PlanTask.RetiredAt)] = "retired_at",
            [nameof(PlanTask.RetiredBy)] = "retired_by",
            [nameof(PlanTask.RetiredReason)] = "retired_reason",
            [nameof(PlanTask.SourceFile)] = "source_file",
            [nameof(PlanTask.SourceQuote)] = "source_quote",
            [nameof(PlanTask.StartYear)] = "start_year",
            [nameof(PlanTask.Status)] = "status",
            [nameof(PlanTask.TimeframeText)] = "timeframe_text",
            [nameof(PlanTask.UnitCode)] = "unit",
        }),
        [typeof(PolicyDocument)] = new("document", new Dictionary<string, string>
        {
            [nameof(PolicyDocument.Code)] = "code",
            [nameof(PolicyDocument.EditedByUser)] = "edited_by_user",
            [nameof(PolicyDocument.ImplementsCode)] = "implements",
            [nameof(PolicyDocument.IsRetired)] = "is_retired",
            [nameof(PolicyDocument.IssuedOn)] = "issued_on",
            [nameof(PolicyDocument.Issuer)] = "issuer",
            [nameof(PolicyDocument.Kind)] = "kind",
            [nameof(PolicyDocument.Number)] = "number",
            [nameof(PolicyDocument.RetiredAt)] = "retired_at",
            [nameof(PolicyDocument.RetiredBy)] = "retired_by",
            [nameof(PolicyDocument.RetiredReason)] = "retired_reason",
            [nameof(PolicyDocument.SourceFile)] = "source_file",
            [nameof(PolicyDocument.TitleEn)] = "title_en",
            [nameof(PolicyDocument.TitleVi)] = "title_vi",
            [nameof(PolicyDocument.ToBeConfirmed)] = "to_be_confirmed",
            [nameof(PolicyDocument.UnitCode)] = "unit",
            [nameof(PolicyDocument.Year)] = "year",
        }),
        [typeof(Target)] = new("target", new Dictionary<string, string>
        {
            [nameof(Target.Id)] = "id",
            [nameof(Target.BaselineValue)] = "baseline_value",
            [nameof(Target.BaselineYear)] = "baseline_year",
            [nameof(Target.Comparator)] = "comparator",
            [nameof(Target.DocumentCode)] = "document",
            [nameof(Target.EditedByUser)] = "edited_by_user",
            [nameof(Target.GrowthFromYear)] = "growth_from_year",
            [nameof(Target.GrowthMode)] = "growth_mode",
            [nameof(Target.GrowthToYear)] = "growth_to_year",
            [nameof(Target.IndicatorCode)] = "indicator",
            [nameof(Target.IsRetired)] = "is_retired",
            [nameof(Target.NoteVi)] = "note_vi",
            [nameof(Target.RetiredAt)] = "retired_at",
            [nameof(Target.RetiredBy)] = "retired_by",
            [nameof(Target.RetiredReason)] = "retired_reason",
            [nameof(Target.SourceFile)] = "source_file",
            [nameof(Target.SourceQuote)] = "source_quote",
            [nameof(Target.ToBeConfirmed)] = "to_be_confirmed",
            [nameof(Target.UnitCode)] = "unit",
            [nameof(Target.Value)] = "value",
            [nameof(Target.ValueMax)] = "value_max",
            [nameof(Target.Year)] = "year",
        }),
        [typeof(Assignment)] = new("assignment", new Dictionary<string, string>
        {
            [nameof(Assignment.UnitCode)] = "unit",
            [nameof(Assignment.IndicatorCode)] = "indicator",
            [nameof(Assignment.AgencyCode)] = "agency",
        }),
        [typeof(Evidence)] = new("evidence", new Dictionary<string, string>
        {
            [nameof(Evidence.Id)] = "id",
            [nameof(Evidence.ContentType)] = "content_type",
            [nameof(Evidence.FileName)] = "file_name",
            [nameof(Evidence.Sha256)] = "sha256",
            [nameof(Evidence.Size)] = "size",
            [nameof(Evidence.UploadedAt)] = "uploaded_at",
            [nameof(Evidence.UploadedBy)] = "uploaded_by",
            [nameof(Evidence.ValueId)] = "value_id",
        }),
        [typeof(Domain.Progress.Dashboard)] = new("dashboard", new Dictionary<string, string>
        {
            [nameof(Domain.Progress.Dashboard.Id)] = "id",
            [nameof(Domain.Progress.Dashboard.UnitCode)] = "unit",
            [nameof(Domain.Progress.Dashboard.Name)] = "name",
            [nameof(Domain.Progress.Dashboard.IndicatorCodes)] = "indicators",
            [nameof(Domain.Progress.Dashboard.Author)] = "author",
            [nameof(Domain.Progress.Dashboard.UpdatedAt)] = "updated_at",
        }),
        [typeof(Domain.Progress.Publication)] = new("publication", new Dictionary<string, string>
        {
            [nameof(Domain.Progress.Publication.UnitCode)] = "unit",
            [nameof(Domain.Progress.Publication.IndicatorCode)] = "indicator",
            [nameof(Domain.Progress.Publication.PublishedBy)] = "published_by",
            [nameof(Domain.Progress.Publication.PublishedAt)] = "published_at",
        }),
        [typeof(ReportNarrative)] = new("narrative", new Dictionary<string, string>
        {
            [nameof(ReportNarrative.UnitCode)] = "unit",
            [nameof(ReportNarrative.PeriodCode)] = "period",
            [nameof(ReportNarrative.Assessment)] = "assessment",
            [nameof(ReportNarrative.Difficulties)] = "difficulties",
            [nameof(ReportNarrative.Proposals)] = "proposals",
            [nameof(ReportNarrative.UpdatedAt)] = "updated_at",
            [nameof(ReportNarrative.UpdatedBy)] = "updated_by",
        }),
        [typeof(ReportedValue)] = new("value", new Dictionary<string, string>
        {
            [nameof(ReportedValue.Id)] = "id",
            [nameof(ReportedValue.EnteredAt)] = "entered_at",
            [nameof(ReportedValue.Authors)] = "authors",
            [nameof(ReportedValue.EnteredBy)] = "entered_by",
            [nameof(ReportedValue.FollowUp)] = "follow_up",
            [nameof(ReportedValue.IndicatorCode)] = "indicator",
            [nameof(ReportedValue.Note)] = "note",
            [nameof(ReportedValue.PeriodCode)] = "period",
            [nameof(ReportedValue.ReachedOn)] = "reached_on",
            [nameof(ReportedValue.ReturnReason)] = "return_reason",
            [nameof(ReportedValue.ReviewedAt)] = "reviewed_at",
            [nameof(ReportedValue.ReviewedBy)] = "reviewed_by",
            [nameof(ReportedValue.Revision)] = "revision",
            [nameof(ReportedValue.Source)] = "source",
            [nameof(ReportedValue.Status)] = "status",
            [nameof(ReportedValue.SubmittedAt)] = "submitted_at",
            [nameof(ReportedValue.SubmittedBy)] = "submitted_by",
            [nameof(ReportedValue.UnitCode)] = "unit",
            [nameof(ReportedValue.Value)] = "value",
        }),
        [typeof(ReportingPeriod)] = new("period", new Dictionary<string, string>
        {
            [nameof(ReportingPeriod.Code)] = "code",
            [nameof(ReportingPeriod.DueOn)] = "due_on",
            [nameof(ReportingPeriod.Half)] = "half",
            [nameof(ReportingPeriod.Year)] = "year",
        }),
        [typeof(UnitPeriod)] = new("unit_period", new Dictionary<string, string>
        {
            [nameof(UnitPeriod.ChangedAt)] = "changed_at",
            [nameof(UnitPeriod.ChangedBy)] = "changed_by",
            [nameof(UnitPeriod.PeriodCode)] = "period",
            [nameof(UnitPeriod.Reason)] = "reason",
            [nameof(UnitPeriod.State)] = "state",
            [nameof(UnitPeriod.UnitCode)] = "unit",
        }),
        [typeof(TaskEvidence)] = new("task_evidence", new Dictionary<string, string>
        {
            [nameof(TaskEvidence.Id)] = "id",
            [nameof(TaskEvidence.ContentType)] = "content_type",
            [nameof(TaskEvidence.FileName)] = "file_name",
            [nameof(TaskEvidence.ReportId)] = "report_id",
            [nameof(TaskEvidence.Sha256)] = "sha256",
            [nameof(TaskEvidence.Size)] = "size",
            [nameof(TaskEvidence.UploadedAt)] = "uploaded_at",
            [nameof(TaskEvidence.UploadedBy)] = "uploaded_by",
        }),
        [typeof(TaskProgressReport)] = new("task_report", new Dictionary<string, string>
        {
            [nameof(TaskProgressReport.Id)] = "id",
            [nameof(TaskProgressReport.AgencyCode)] = "agency",
            [nameof(TaskProgressReport.Authors)] = "authors",
            [nameof(TaskProgressReport.EnteredAt)] = "entered_at",
            [nameof(TaskProgressReport.EnteredBy)] = "entered_by",
            [nameof(TaskProgressReport.Note)] = "note",
            [nameof(TaskProgressReport.Percent)] = "percent",
            [nameof(TaskProgressReport.Progress)] = "progress",
            [nameof(TaskProgressReport.ReturnReason)] = "return_reason",
            [nameof(TaskProgressReport.ReviewedAt)] = "reviewed_at",
            [nameof(TaskProgressReport.ReviewedBy)] = "reviewed_by",
            [nameof(TaskProgressReport.Revision)] = "revision",
            [nameof(TaskProgressReport.Status)] = "status",
            [nameof(TaskProgressReport.SubmittedAt)] = "submitted_at",
            [nameof(TaskProgressReport.SubmittedBy)] = "submitted_by",
            [nameof(TaskProgressReport.TaskId)] = "task_id",
            [nameof(TaskProgressReport.UnitCode)] = "unit",
        }),
        [typeof(PortalUserAccount)] = new("account", new Dictionary<string, string>
        {
            [nameof(PortalUserAccount.Id)] = "id",
            [nameof(PortalUserAccount.AccessFailedCount)] = "access_failed_count",
            [nameof(PortalUserAccount.DisplayName)] = "display_name",
            [nameof(PortalUserAccount.Email)] = "email",
            [nameof(PortalUserAccount.EmailConfirmed)] = "email_confirmed",
            [nameof(PortalUserAccount.Grants)] = "grants",
            [nameof(PortalUserAccount.LockoutEnabled)] = "lockout_enabled",
            [nameof(PortalUserAccount.LockoutEnd)] = "lockout_end",
            [nameof(PortalUserAccount.PhoneNumber)] = "phone_number",
            [nameof(PortalUserAccount.PhoneNumberConfirmed)] = "phone_number_confirmed",
            [nameof(PortalUserAccount.TwoFactorEnabled)] = "two_factor_enabled",
            [nameof(PortalUserAccount.UserName)] = "user_name",
        }),
    };

    /// <summary>
    /// Words past rows use for a field no property writes any more: they stay words of the trail (its readers label
    /// them), but nothing new is written with them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> FormerFields = new Dictionary<string, IReadOnlySet<string>>
    {
        // A period's state became each province's own (unit_period.state, decision 0009).
        ["period"] = new HashSet<string> { "state" },
    };

    public static Subject Of(Type type) => Subjects.TryGetValue(type, out var subject) ? subject
        : throw new InvalidOperationException($"{type.Name} is audited but has no word in the audit vocabulary (AuditVocabulary).");

    public static string Field(Type type, string property) => Of(type).Fields.TryGetValue(property, out var word) ? word
        : throw new InvalidOperationException($"{type.Name}.{property} is audited but has no word in the audit vocabulary (AuditVocabulary).");
}
