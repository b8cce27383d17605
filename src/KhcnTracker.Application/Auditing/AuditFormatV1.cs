namespace KhcnTracker.Application.Auditing;

/// <summary>
/// Format 1 of the audit trail, frozen: rows written before decision 0010 name entities and properties by their C# names
/// of that time and store enum members as numbers. This table reads them as the words of today's vocabulary. It
/// describes the past and is never edited when C# code is renamed; the numbers are the enums' order of that time.
/// </summary>
internal static class AuditFormatV1
{
    internal sealed record V1Enum(IReadOnlyList<string> Words, bool Flags = false)
    {
        /// <summary>A stored number as its word (or for flags, the words of its bits); an unknown number stays a number.</summary>
        public object Read(long number) => Flags
            ? Words.Where((_, bit) => (number & (1L << bit)) != 0).ToList()
            : number >= 0 && number < Words.Count ? Words[(int)number] : number;
    }

    private static readonly V1Enum ValueStatus = new(["draft", "submitted", "approved", "returned"]);
    private static readonly V1Enum PeriodState = new(["open", "closed", "locked"]);
    private static readonly V1Enum UnitLevel = new(["country", "province"]);
    private static readonly V1Enum Comparator = new(["at_least", "more_than", "at_most", "less_than", "equal_to", "between", "rank_within_top", "milestone_reached"]);
    private static readonly V1Enum GrowthMode = new(["percent_increase", "multiple"]);
    private static readonly V1Enum DocumentKind = new(["resolution", "action_programme", "plan", "decision"]);
    private static readonly V1Enum IndicatorAreas = new(["khcn", "dmst", "cds"], Flags: true);
    private static readonly V1Enum Measure = new(["percent", "count", "rank", "per_10000", "index", "money", "milestone"]);
    private static readonly V1Enum Direction = new(["higher_is_better", "lower_is_better"]);
    private static readonly V1Enum PlanTaskStatus = new(["not_started", "in_progress", "done"]);

    internal sealed record V1Entity(string Subject, IReadOnlyDictionary<string, (string Field, V1Enum? Enum)> Fields);

    /// <summary>Format 1's entity names (C# type names then) with their words, and each property's word (and enum).</summary>
    public static readonly IReadOnlyDictionary<string, V1Entity> Entities = new Dictionary<string, V1Entity>
    {
        ["AdministrativeUnit"] = new("unit", new Dictionary<string, (string, V1Enum?)>
        {
            ["Code"] = ("code", null),
            ["Level"] = ("level", UnitLevel),
            ["MergedOn"] = ("merged_on", null),
            ["NameEn"] = ("name_en", null),
            ["NameVi"] = ("name_vi", null),
            ["SuccessorCode"] = ("successor", null),
        }),
        ["Agency"] = new("agency", new Dictionary<string, (string, V1Enum?)>
        {
            ["UnitCode"] = ("unit", null),
            ["Code"] = ("code", null),
            ["MergedOn"] = ("merged_on", null),
            ["NameEn"] = ("name_en", null),
            ["NameVi"] = ("name_vi", null),
            ["SuccessorCode"] = ("successor", null),
            ["SuccessorUnitCode"] = ("successor_unit", null),
            ["ToBeConfirmed"] = ("to_be_confirmed", null),
        }),
        ["Indicator"] = new("indicator", new Dictionary<string, (string, V1Enum?)>
        {
            ["Code"] = ("code", null),
            ["AllowsOver100"] = ("allows_over_100", null),
            ["Areas"] = ("areas", IndicatorAreas),
            ["Decimals"] = ("decimals", null),
            ["DefinitionEn"] = ("definition_en", null),
            ["DefinitionVi"] = ("definition_vi", null),
            ["Direction"] = ("direction", Direction),
            ["EditedByUser"] = ("edited_by_user", null),
            ["Formula"] = ("formula", null),
            ["IsRetired"] = ("is_retired", null),
            ["Measure"] = ("measure", Measure),
            ["NameEn"] = ("name_en", null),
            ["NameVi"] = ("name_vi", null),
            ["ReportsHalfYearly"] = ("reports_half_yearly", null),
            ["RetiredAt"] = ("retired_at", null),
            ["RetiredBy"] = ("retired_by", null),
            ["RetiredReason"] = ("retired_reason", null),
        }),
        ["PlanTask"] = new("task", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["CoordinatingAgencyCodes"] = ("coordinating_agencies", null),
            ["CoordinatingText"] = ("coordinating_text", null),
            ["DocumentCode"] = ("document", null),
            ["EditedByUser"] = ("edited_by_user", null),
            ["EndYear"] = ("end_year", null),
            ["IsRetired"] = ("is_retired", null),
            ["LeadAgencyCode"] = ("lead_agency", null),
            ["NameVi"] = ("name_vi", null),
            ["Number"] = ("number", null),
            ["PercentDone"] = ("percent_done", null),
            ["ProductVi"] = ("product_vi", null),
            ["ProgressNote"] = ("progress_note", null),
            ["RetiredAt"] = ("retired_at", null),
            ["RetiredBy"] = ("retired_by", null),
            ["RetiredReason"] = ("retired_reason", null),
            ["SourceFile"] = ("source_file", null),
            ["SourceQuote"] = ("source_quote", null),
            ["StartYear"] = ("start_year", null),
            ["Status"] = ("status", PlanTaskStatus),
            ["TimeframeText"] = ("timeframe_text", null),
            ["UnitCode"] = ("unit", null),
        }),
        ["PolicyDocument"] = new("document", new Dictionary<string, (string, V1Enum?)>
        {
            ["Code"] = ("code", null),
            ["EditedByUser"] = ("edited_by_user", null),
            ["ImplementsCode"] = ("implements", null),
            ["IsRetired"] = ("is_retired", null),
            ["IssuedOn"] = ("issued_on", null),
            ["Issuer"] = ("issuer", null),
            ["Kind"] = ("kind", DocumentKind),
            ["Number"] = ("number", null),
            ["RetiredAt"] = ("retired_at", null),
            ["RetiredBy"] = ("retired_by", null),
            ["RetiredReason"] = ("retired_reason", null),
            ["SourceFile"] = ("source_file", null),
            ["TitleEn"] = ("title_en", null),
            ["TitleVi"] = ("title_vi", null),
            ["ToBeConfirmed"] = ("to_be_confirmed", null),
            ["UnitCode"] = ("unit", null),
            ["Year"] = ("year", null),
        }),
        ["Target"] = new("target", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["BaselineValue"] = ("baseline_value", null),
            ["BaselineYear"] = ("baseline_year", null),
            ["Comparator"] = ("comparator", Comparator),
            ["DocumentCode"] = ("document", null),
            ["EditedByUser"] = ("edited_by_user", null),
            ["GrowthFromYear"] = ("growth_from_year", null),
            ["GrowthMode"] = ("growth_mode", GrowthMode),
            ["GrowthToYear"] = ("growth_to_year", null),
            ["IndicatorCode"] = ("indicator", null),
            ["IsRetired"] = ("is_retired", null),
            ["NoteVi"] = ("note_vi", null),
            ["RetiredAt"] = ("retired_at", null),
            ["RetiredBy"] = ("retired_by", null),
            ["RetiredReason"] = ("retired_reason", null),
            ["SourceFile"] = ("source_file", null),
            ["SourceQuote"] = ("source_quote", null),
            ["ToBeConfirmed"] = ("to_be_confirmed", null),
            ["UnitCode"] = ("unit", null),
            ["Value"] = ("value", null),
            ["ValueMax"] = ("value_max", null),
            ["Year"] = ("year", null),
        }),
        ["Assignment"] = new("assignment", new Dictionary<string, (string, V1Enum?)>
        {
            ["UnitCode"] = ("unit", null),
            ["IndicatorCode"] = ("indicator", null),
            ["AgencyCode"] = ("agency", null),
        }),
        ["Evidence"] = new("evidence", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["ContentType"] = ("content_type", null),
            ["FileName"] = ("file_name", null),
            ["Sha256"] = ("sha256", null),
            ["Size"] = ("size", null),
            ["UploadedAt"] = ("uploaded_at", null),
            ["UploadedBy"] = ("uploaded_by", null),
            ["ValueId"] = ("value_id", null),
        }),
        ["ReportNarrative"] = new("narrative", new Dictionary<string, (string, V1Enum?)>
        {
            ["UnitCode"] = ("unit", null),
            ["PeriodCode"] = ("period", null),
            ["Assessment"] = ("assessment", null),
            ["Difficulties"] = ("difficulties", null),
            ["Proposals"] = ("proposals", null),
            ["UpdatedAt"] = ("updated_at", null),
            ["UpdatedBy"] = ("updated_by", null),
        }),
        ["ReportedValue"] = new("value", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["EnteredAt"] = ("entered_at", null),
            ["EnteredBy"] = ("entered_by", null),
            ["IndicatorCode"] = ("indicator", null),
            ["Note"] = ("note", null),
            ["PeriodCode"] = ("period", null),
            ["ReturnReason"] = ("return_reason", null),
            ["ReviewedAt"] = ("reviewed_at", null),
            ["ReviewedBy"] = ("reviewed_by", null),
            ["Revision"] = ("revision", null),
            ["Source"] = ("source", null),
            ["Status"] = ("status", ValueStatus),
            ["SubmittedAt"] = ("submitted_at", null),
            ["SubmittedBy"] = ("submitted_by", null),
            ["UnitCode"] = ("unit", null),
            ["Value"] = ("value", null),
        }),
        ["ReportingPeriod"] = new("period", new Dictionary<string, (string, V1Enum?)>
        {
            ["Code"] = ("code", null),
            ["DueOn"] = ("due_on", null),
            ["Half"] = ("half", null),
            ["State"] = ("state", PeriodState),
            ["Year"] = ("year", null),
        }),
        ["TaskEvidence"] = new("task_evidence", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["ContentType"] = ("content_type", null),
            ["FileName"] = ("file_name", null),
            ["ReportId"] = ("report_id", null),
            ["Sha256"] = ("sha256", null),
            ["Size"] = ("size", null),
            ["UploadedAt"] = ("uploaded_at", null),
            ["UploadedBy"] = ("uploaded_by", null),
        }),
        ["TaskProgressReport"] = new("task_report", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["AgencyCode"] = ("agency", null),
            ["Authors"] = ("authors", null),
            ["EnteredAt"] = ("entered_at", null),
            ["EnteredBy"] = ("entered_by", null),
            ["Note"] = ("note", null),
            ["Percent"] = ("percent", null),
            ["Progress"] = ("progress", PlanTaskStatus),
            ["ReturnReason"] = ("return_reason", null),
            ["ReviewedAt"] = ("reviewed_at", null),
            ["ReviewedBy"] = ("reviewed_by", null),
            ["Revision"] = ("revision", null),
            ["Status"] = ("status", ValueStatus),
            ["SubmittedAt"] = ("submitted_at", null),
            ["SubmittedBy"] = ("submitted_by", null),
            ["TaskId"] = ("task_id", null),
            ["UnitCode"] = ("unit", null),
        }),
        ["PortalUserAccount"] = new("account", new Dictionary<string, (string, V1Enum?)>
        {
            ["Id"] = ("id", null),
            ["AccessFailedCount"] = ("access_failed_count", null),
            ["DisplayName"] = ("display_name", null),
            ["Email"] = ("email", null),
            ["EmailConfirmed"] = ("email_confirmed", null),
            ["Grants"] = ("grants", null),
            ["LockoutEnabled"] = ("lockout_enabled", null),
            ["LockoutEnd"] = ("lockout_end", null),
            ["PhoneNumber"] = ("phone_number", null),
            ["PhoneNumberConfirmed"] = ("phone_number_confirmed", null),
            ["TwoFactorEnabled"] = ("two_factor_enabled", null),
            ["UserName"] = ("user_name", null),
        }),
    };

    /// <summary>The format-1 entity name a word had (the C# type name of then).</summary>
    public static readonly IReadOnlyDictionary<string, string> NameOf = Entities.ToDictionary(e => e.Value.Subject, e => e.Key);
}
