using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// One revision of a province's value of an indicator for a period. An approved revision never changes: changing it
/// makes the next revision, which goes through review again, and the old one stays visible.
/// </summary>
public sealed class ReportedValue : ReviewedRevision
{
    public const int MaxTextLength = 2000;

    public int Id { get; private set; }
    public string UnitCode { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = null!;
    public string PeriodCode { get; private set; } = null!;
    public decimal? Value { get; private set; }
    public string? Source { get; private set; }
    /// <summary>The staff's comment on the figure (the form's comment, the dialog's note).</summary>
    public string? Note { get; private set; }
    /// <summary>Marked by staff for the reviewer's attention ("theo dõi"): the reviewer sees the mark beside the figure.</summary>
    public bool FollowUp { get; private set; }
    /// <summary>For a milestone reached (value 1): the day it was reached, when the person knows it.</summary>
    public DateOnly? ReachedOn { get; private set; }

    private ReportedValue() { }

    public static ReportedValue Draft(string unitCode, Indicator indicator, UnitPeriod period, decimal? value,
        string? source, string? note, string by, DateTimeOffset at)
    {
        if (period.UnitCode != unitCode?.Trim())
            throw new DomainException("value.subject-mismatch", "The period is not this province's.");
        period.EnsureStaffCanWrite();
        if (indicator.IsRetired)
            throw new DomainException("value.indicator-retired", "The indicator is retired: nothing more is reported for it.");
        if (period.Half is not null && !indicator.ReportsHalfYearly)
            throw new DomainException("value.not-half-yearly", "This indicator is reported yearly, not at the six-month review.");
        var reported = new ReportedValue
        {
            UnitCode = Slug.Require(unitCode, "unit"),
            IndicatorCode = indicator.Code,
            PeriodCode = period.Code,
            Revision = 1,
            Status = ValueStatus.Draft,
        };
        reported.Write(indicator, value, source, note, by, at);
        return reported;
    }

    /// <summary>Staff change their draft, or a returned value (which becomes a draft again).</summary>
    public void Edit(Indicator indicator, UnitPeriod period, decimal? value, string? source, string? note, string by, DateTimeOffset at)
    {
        EnsureAbout(period, indicator);
        period.EnsureStaffCanWrite();
        if (Status is ValueStatus.Submitted or ValueStatus.Approved)
            throw new DomainException("value.not-editable", "A submitted or approved value cannot be changed: revise it instead.");
        Write(indicator, value, source, note, by, at);
        Status = ValueStatus.Draft;
    }

    public void Submit(UnitPeriod period, string by, DateTimeOffset at)
    {
        EnsureAbout(period);
        by = Who(by);
        period.EnsureStaffCanWrite();
        if (Status is not (ValueStatus.Draft or ValueStatus.Returned))
            throw new DomainException("value.not-submittable", "Only a draft or a returned value can be submitted.");
        if (Value is null)
            throw new DomainException("value.missing", "Enter the value before submitting it.");
        RecordSubmission(by, at);
    }

    public void Approve(UnitPeriod period, string by, DateTimeOffset at)
    {
        EnsureReviewable(period, by);
        RecordApproval(by, at);
    }

    public void Return(UnitPeriod period, string reason, string by, DateTimeOffset at)
    {
        EnsureReviewable(period, by);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("value.return-reason-missing", "Say why the value is returned.");
        if (reason.Length > MaxTextLength)
            throw new DomainException("value.text-too-long", $"A text holds at most {MaxTextLength} characters.");
        RecordReturn(reason.Trim(), by, at);
    }

    /// <summary>The next revision of an approved value, as a draft with the same figures.</summary>
    public ReportedValue Revise(UnitPeriod period, string by, DateTimeOffset at)
    {
        EnsureAbout(period);
        by = Who(by);
        period.EnsureStaffCanWrite();
        if (Status != ValueStatus.Approved)
            throw new DomainException("value.not-approved", "Only an approved value is revised; change the draft instead.");
        var next = new ReportedValue
        {
            UnitCode = UnitCode, IndicatorCode = IndicatorCode, PeriodCode = PeriodCode, Revision = Revision + 1,
            Value = Value, Source = Source, Note = Note, FollowUp = FollowUp, ReachedOn = ReachedOn, Status = ValueStatus.Draft,
        };
        next.RecordEntry(by, at);
        return next;
    }

    /// <summary>
    /// Sets the follow-up mark and a milestone's date reached on a draft (null leaves each as it is, so a caller that does
    /// not know them never clears them). A date reached belongs only to a milestone that is reached.
    /// </summary>
    public void Mark(Indicator indicator, bool? followUp, DateOnly? reachedOn)
    {
        EnsureAbout(null, indicator);
        if (Status is ValueStatus.Submitted or ValueStatus.Approved)
            throw new DomainException("value.not-editable", "A submitted or approved value cannot be changed: revise it instead.");
        if (reachedOn is not null && indicator.Measure != Measure.Milestone)
            throw new DomainException("value.reached-on-not-milestone", "Only a milestone has a date reached.");
        if (reachedOn is not null && Value != 1)
            throw new DomainException("value.reached-on-not-reached", "A date reached needs the milestone to be reached.");
        if (followUp is { } mark) FollowUp = mark;
        if (reachedOn is { } day) ReachedOn = day;
    }

    /// <summary>Whether the account entered, changed or submitted this revision (compared without regard to case).</summary>
    public bool IsAuthor(string account) =>
        Authors.Contains(account.Trim(), StringComparer.OrdinalIgnoreCase)
        || string.Equals(EnteredBy, account.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(SubmittedBy, account.Trim(), StringComparison.OrdinalIgnoreCase);

    private void EnsureReviewable(UnitPeriod period, string by)
    {
        EnsureAbout(period);
        Who(by);
        period.EnsureReviewerCanWrite();
        if (Status != ValueStatus.Submitted)
            throw new DomainException("value.not-submitted", "Only a submitted value is approved or returned.");
        if (string.Equals(SubmittedBy, by, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("value.own-submission", "Nobody reviews their own submission.");
        // Four eyes for real: someone holding both roles cannot approve a figure they typed or changed, even when a
        // colleague changed it after them or pressed submit.
        if (IsAuthor(by))
            throw new DomainException("value.own-entry", "Nobody reviews a figure they entered or changed.");
    }

    /// <summary>The period (of this province) and indicator handed in must be this value's own: a locked period cannot be sidestepped.</summary>
    private void EnsureAbout(UnitPeriod? period, Indicator? indicator = null)
    {
        if ((period is not null && (period.Code != PeriodCode || period.UnitCode != UnitCode)) || (indicator is not null && indicator.Code != IndicatorCode))
            throw new DomainException("value.subject-mismatch", "The period or indicator is not this value's.");
    }

    private void Write(Indicator indicator, decimal? value, string? source, string? note, string by, DateTimeOffset at)
    {
        by = Who(by);
        if (indicator.IsComputed)
            throw new DomainException("value.computed", "This indicator is computed from its inputs and cannot be typed.");
        // An empty value is not a draft: nothing is saved until there is a figure (a refused "submit" leaves no row).
        if (value is not { } v)
            throw new DomainException("value.empty", "Enter the value before saving it.");
        ValueRules.Check(indicator, v);
        if (source?.Length > MaxTextLength || note?.Length > MaxTextLength)
            throw new DomainException("value.text-too-long", $"A text holds at most {MaxTextLength} characters.");
        Value = value;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        // A milestone no longer reached has no date reached.
        if (v != 1) ReachedOn = null;
        RecordEntry(by, at);
    }
}
