namespace KhcnTracker.Application.Catalogue;

// What the catalogue's queries answer: flat, serialisable, in the words the API uses.

/// <summary>Who retired a catalogue row, when and why; null while the row is in use.</summary>
public sealed record RetirementView(string? By, DateTimeOffset? At, string? Reason)
{
    public static RetirementView? Of(bool isRetired, string? by, DateTimeOffset? at, string? reason) => isRetired ? new(by, at, reason) : null;
}

public sealed record UnitRef(string Code, string NameVi, string NameEn);

public sealed record UnitView(string Code, string NameVi, string NameEn, string Level, UnitRef? Successor, DateOnly? MergedOn,
    IReadOnlyList<UnitRef> MergedInto, bool IsCity, bool LineageToBeConfirmed);

public sealed record DocumentView(string Code, string? Number, string Kind, string TitleVi, string TitleEn, string Issuer,
    string UnitCode, DateOnly? Date, int Year, string? Implements, string? SourceFile, bool ToBeConfirmed, bool IsRetired, uint Version, RetirementView? Retired = null);

public sealed record IndicatorView(string Code, string NameVi, string NameEn, IReadOnlyList<string> Areas, Measure Unit,
    Direction Direction, int Decimals, bool AllowsOver100, string? DefinitionVi, string? DefinitionEn, string? Formula,
    bool ReportsHalfYearly, bool IsRetired, uint Version, PlausibilityBand Band, RetirementView? Retired = null);

public sealed record TargetDocumentRef(string Code, string? Number, DateOnly? Date, int Year, string TitleVi);

public sealed record TargetIndicatorRef(string Code, string NameVi, string NameEn, Measure Unit, IReadOnlyList<string> Areas, int Decimals);

public sealed record GrowthView(string Mode, int FromYear, int ToYear);

public sealed record TargetView(
    int Id, UnitRef Unit, TargetDocumentRef Document, TargetIndicatorRef Indicator, Comparator Comparator,
    decimal? Value, decimal? ValueMax, int Year, GrowthView? Growth, int? BaselineYear, decimal? BaselineValue,
    string? SourceFile, string? SourceQuote, string? NoteVi, bool ToBeConfirmed, bool IsRetired, UnitRef? ReportedNowBy, uint Version, RetirementView? Retired = null);

public sealed record TaskView(
    int Id, string DocumentCode, string? DocumentNumber, int Number, string NameVi, UnitRef Unit, string LeadAgencyCode,
    string LeadAgencyNameVi, IReadOnlyList<string> CoordinatingAgencyCodes, string? CoordinatingText, string? ProductVi,
    int StartYear, int EndYear, string? TimeframeText, PlanTaskStatus Status, bool IsOverdue, string? ProgressNote,
    string? SourceFile, string? SourceQuote, bool IsRetired, uint Version, int? PercentDone = null, RetirementView? Retired = null);

public sealed record AgencyView(string UnitCode, string Code, string NameVi, string NameEn, string? Successor, DateOnly? MergedOn, bool ToBeConfirmed);
