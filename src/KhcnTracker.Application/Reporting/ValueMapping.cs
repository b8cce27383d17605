using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Reporting;

public static class ValueMapping
{
    public static string Word(ValueStatus status) => status switch
    {
        ValueStatus.Draft => "draft",
        ValueStatus.Submitted => "submitted",
        ValueStatus.Approved => "approved",
        _ => "returned",
    };

    public static bool TryParse(string? word, out ValueStatus status)
    {
        foreach (var s in Enum.GetValues<ValueStatus>())
            if (Word(s) == word) { status = s; return true; }
        status = default;
        return false;
    }

    public static ValueView ToView(ReportedValue v, string indicatorNameVi) => new(
        v.Id, v.UnitCode, v.IndicatorCode, indicatorNameVi, v.PeriodCode, v.Revision, v.Value, v.Source, v.Note, Word(v.Status),
        v.ReturnReason, v.EnteredBy, v.EnteredAt, v.SubmittedBy, v.SubmittedAt, v.ReviewedBy, v.ReviewedAt, v.Version);
}
