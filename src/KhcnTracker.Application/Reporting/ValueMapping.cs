namespace KhcnTracker.Application.Reporting;

public static class ValueMapping
{
    public static ValueView ToView(ReportedValue v, string indicatorNameVi) => new(
        v.Id, v.UnitCode, v.IndicatorCode, indicatorNameVi, v.PeriodCode, v.Revision, v.Value, v.Source, v.Note, v.Status,
        v.ReturnReason, v.EnteredBy, v.EnteredAt, v.SubmittedBy, v.SubmittedAt, v.ReviewedBy, v.ReviewedAt, v.Version)
    {
        FollowUp = v.FollowUp,
        ReachedOn = v.ReachedOn,
    };
}
