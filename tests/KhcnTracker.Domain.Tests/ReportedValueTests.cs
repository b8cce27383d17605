namespace KhcnTracker.Domain.Tests;

/// <summary>The review workflow of a reported value: Draft → Submitted → Approved, or Returned → Draft, and revisions.</summary>
public class ReportedValueTests
{
    private const string Staff = "staff@laocai.gov.vn";
    private const string Reviewer = "reviewer@laocai.gov.vn";

    private static readonly DateTimeOffset EnteredAt = new(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset SubmittedAt = EnteredAt.AddHours(1);
    private static readonly DateTimeOffset ReviewedAt = EnteredAt.AddDays(1);

    private static readonly Indicator Percent = Samples.Indicator(Measure.Percent);
    private static readonly Indicator Computed = new("rd-share", Samples.IndicatorDetails(formula: "{a} / {b} * 100"));

    private static UnitPeriod Period(PeriodState state = PeriodState.Open, string unit = "laocai") =>
        new(new ReportingPeriod("2025", new DateOnly(2026, 1, 31)), unit, state);

    private static ReportedValue Draft(decimal? value = 12.5m, UnitPeriod? period = null) =>
        ReportedValue.Draft("laocai", Percent, period ?? Period(), value, " Cục Thống kê ", " ước tính ", Staff, EnteredAt);

    private static ReportedValue Submitted(decimal? value = 12.5m)
    {
        var reported = Draft(value);
        reported.Submit(Period(), Staff, SubmittedAt);
        return reported;
    }

    private static ReportedValue Approved()
    {
        var reported = Submitted();
        reported.Approve(Period(), Reviewer, ReviewedAt);
        return reported;
    }

    private static ReportedValue Returned()
    {
        var reported = Submitted();
        reported.Return(Period(), "Nguồn số liệu chưa rõ", Reviewer, ReviewedAt);
        return reported;
    }

    private static void AssertRefused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    // ---- draft

    [Fact]
    public void ReportedValue_ADraftRecordsWhatWasEnteredAndByWhom()
    {
        var reported = Draft();

        Assert.Equal("laocai", reported.UnitCode);
        Assert.Equal(Percent.Code, reported.IndicatorCode);
        Assert.Equal("2025", reported.PeriodCode);
        Assert.Equal(1, reported.Revision);
        Assert.Equal(ValueStatus.Draft, reported.Status);
        Assert.Equal(12.5m, reported.Value);
        Assert.Equal("Cục Thống kê", reported.Source);
        Assert.Equal("ước tính", reported.Note);
        Assert.Equal(Staff, reported.EnteredBy);
        Assert.Equal(EnteredAt, reported.EnteredAt);
        Assert.Null(reported.SubmittedBy);
        Assert.Null(reported.SubmittedAt);
        Assert.Null(reported.ReviewedBy);
        Assert.Null(reported.ReviewedAt);
        Assert.Null(reported.ReturnReason);
    }

    [Fact]
    public void ReportedValue_ADraftChecksTheValueAgainstTheIndicator() =>
        AssertRefused("value.percent-over-100", () => Draft(value: 100.5m));

    [Fact]
    public void ReportedValue_AComputedIndicatorCannotBeTyped() =>
        AssertRefused("value.computed",
            () => ReportedValue.Draft("laocai", Computed, Period(), 10m, null, null, Staff, EnteredAt));

    [Fact]
    public void ReportedValue_AComputedIndicatorCannotBeTypedEvenWithoutAValue() =>
        AssertRefused("value.computed",
            () => ReportedValue.Draft("laocai", Computed, Period(), null, null, null, Staff, EnteredAt));

    [Fact]
    public void ReportedValue_AComputedIndicatorCannotBeEditedIn()
    {
        var reported = Draft();
        // The same indicator, since made a formula indicator by an administrator.
        var nowComputed = new Indicator(Percent.Code, Samples.IndicatorDetails(formula: "{a} / {b} * 100"));

        AssertRefused("value.computed", () => reported.Edit(nowComputed, Period(), 10m, null, null, Staff, SubmittedAt));
        Assert.Equal(12.5m, reported.Value);
    }

    [Fact]
    public void ReportedValue_AnotherIndicatorOrPeriodIsRefused()
    {
        var reported = Draft();
        AssertRefused("value.subject-mismatch", () => reported.Edit(Computed, Period(), 10m, null, null, Staff, SubmittedAt));
        AssertRefused("value.subject-mismatch", () => reported.Submit(new UnitPeriod(new ReportingPeriod("2030", new DateOnly(2031, 1, 31)), "laocai"), Staff, SubmittedAt));
        // Another province's open period does not open this one's.
        AssertRefused("value.subject-mismatch", () => reported.Submit(Period(unit: "phutho"), Staff, SubmittedAt));
        AssertRefused("value.subject-mismatch", () => ReportedValue.Draft("laocai", Percent, Period(unit: "phutho"), 1m, null, null, Staff, EnteredAt));
        Assert.Equal(ValueStatus.Draft, reported.Status);
    }

    // ---- edit

    [Fact]
    public void ReportedValue_StaffCanEditTheirDraft()
    {
        var reported = Draft();
        var editedAt = EnteredAt.AddMinutes(5);

        reported.Edit(Percent, Period(), 20m, null, "  ", "colleague@laocai.gov.vn", editedAt);

        Assert.Equal(ValueStatus.Draft, reported.Status);
        Assert.Equal(20m, reported.Value);
        Assert.Null(reported.Source);
        Assert.Null(reported.Note);
        Assert.Equal("colleague@laocai.gov.vn", reported.EnteredBy);
        Assert.Equal(editedAt, reported.EnteredAt);
    }

    [Fact]
    public void ReportedValue_ARefusedEditChangesNothing()
    {
        var reported = Draft();

        AssertRefused("value.percent-negative", () => reported.Edit(Percent, Period(), -1m, "other", "other", Reviewer, ReviewedAt));

        Assert.Equal(12.5m, reported.Value);
        Assert.Equal("Cục Thống kê", reported.Source);
        Assert.Equal(Staff, reported.EnteredBy);
        Assert.Equal(EnteredAt, reported.EnteredAt);
    }

    [Theory]
    [InlineData(ValueStatus.Submitted)]
    [InlineData(ValueStatus.Approved)]
    public void ReportedValue_ASubmittedOrApprovedValueCannotBeEdited(ValueStatus status)
    {
        var reported = status == ValueStatus.Submitted ? Submitted() : Approved();

        AssertRefused("value.not-editable", () => reported.Edit(Percent, Period(), 20m, null, null, Staff, ReviewedAt));
        Assert.Equal(status, reported.Status);
        Assert.Equal(12.5m, reported.Value);
    }

    // ---- submit, approve

    [Fact]
    public void ReportedValue_GoesFromDraftThroughSubmittedToApproved()
    {
        var reported = Draft();

        reported.Submit(Period(), Staff, SubmittedAt);
        Assert.Equal(ValueStatus.Submitted, reported.Status);
        Assert.Equal(Staff, reported.SubmittedBy);
        Assert.Equal(SubmittedAt, reported.SubmittedAt);
        Assert.Null(reported.ReviewedBy);

        reported.Approve(Period(), Reviewer, ReviewedAt);
        Assert.Equal(ValueStatus.Approved, reported.Status);
        Assert.Equal(Reviewer, reported.ReviewedBy);
        Assert.Equal(ReviewedAt, reported.ReviewedAt);
        Assert.Equal(Staff, reported.SubmittedBy);
        Assert.Equal(Staff, reported.EnteredBy);
        Assert.Equal(1, reported.Revision);
        Assert.Equal(12.5m, reported.Value);
    }

    [Fact]
    public void ReportedValue_AnEmptyValueIsNeitherADraftNorAnEdit()
    {
        AssertRefused("value.empty", () => Draft(value: null));

        var reported = Draft();
        AssertRefused("value.empty", () => reported.Edit(Percent, Period(), null, null, null, Staff, SubmittedAt));
        Assert.Equal(12.5m, reported.Value);
        Assert.Equal(ValueStatus.Draft, reported.Status);
    }

    [Fact]
    public void ReportedValue_WhoChangedTheFigureCannotReviewIt_EvenWhenTheFirstAuthorChangedItLastAndSubmitted()
    {
        var reported = Draft();
        reported.Edit(Percent, Period(), 13m, null, null, "colleague@laocai.gov.vn", SubmittedAt);
        reported.Edit(Percent, Period(), 12.8m, null, null, Staff, SubmittedAt);
        reported.Submit(Period(), Staff, SubmittedAt);

        Assert.Equal([Staff, "colleague@laocai.gov.vn"], reported.Authors);
        AssertRefused("value.own-entry", () => reported.Approve(Period(), "Colleague@LaoCai.gov.vn", ReviewedAt));
        AssertRefused("value.own-entry", () => reported.Return(Period(), "Sai", "colleague@laocai.gov.vn", ReviewedAt));
        reported.Approve(Period(), Reviewer, ReviewedAt);
        Assert.Equal(ValueStatus.Approved, reported.Status);
    }

    [Fact]
    public void ReportedValue_ARevisionHasItsOwnAuthors()
    {
        var revision = Approved().Revise(Period(), "colleague@laocai.gov.vn", SubmittedAt);

        Assert.Equal(["colleague@laocai.gov.vn"], revision.Authors);
        Assert.False(revision.IsAuthor(Staff));
    }

    [Fact]
    public void ReportedValue_ASubmittedValueCannotBeSubmittedAgain() =>
        AssertRefused("value.not-submittable", () => Submitted().Submit(Period(), Staff, ReviewedAt));

    [Fact]
    public void ReportedValue_AnApprovedValueCannotBeSubmittedAgain() =>
        AssertRefused("value.not-submittable", () => Approved().Submit(Period(), Staff, ReviewedAt));

    [Fact]
    public void ReportedValue_ADraftCannotBeApproved()
    {
        var reported = Draft();

        AssertRefused("value.not-submitted", () => reported.Approve(Period(), Reviewer, ReviewedAt));
        Assert.Equal(ValueStatus.Draft, reported.Status);
        Assert.Null(reported.ReviewedBy);
    }

    [Fact]
    public void ReportedValue_AnApprovedValueCannotBeApprovedAgain() =>
        AssertRefused("value.not-submitted", () => Approved().Approve(Period(), "other@laocai.gov.vn", ReviewedAt));

    [Fact]
    public void ReportedValue_ADraftCannotBeReturned() =>
        AssertRefused("value.not-submitted", () => Draft().Return(Period(), "Sai", Reviewer, ReviewedAt));

    [Fact]
    public void ReportedValue_TheSubmitterCannotApproveTheirOwnSubmission()
    {
        var reported = Submitted();

        AssertRefused("value.own-submission", () => reported.Approve(Period(), Staff, ReviewedAt));
        Assert.Equal(ValueStatus.Submitted, reported.Status);
    }

    [Fact]
    public void ReportedValue_TheSubmitterCannotApproveTheirOwnSubmissionInAnotherCase() =>
        AssertRefused("value.own-submission", () => Submitted().Approve(Period(), "STAFF@LaoCai.gov.vn", ReviewedAt));

    [Fact]
    public void ReportedValue_TheSubmitterCannotReturnTheirOwnSubmission()
    {
        var reported = Submitted();

        AssertRefused("value.own-submission", () => reported.Return(Period(), "Sai", "Staff@laocai.gov.vn", ReviewedAt));
        Assert.Equal(ValueStatus.Submitted, reported.Status);
        Assert.Null(reported.ReturnReason);
    }

    [Fact]
    public void ReportedValue_WhoEnteredTheValueCannotReviewIt_EvenWhenSomeoneElseSubmittedIt()
    {
        var reported = Draft();
        reported.Submit(Period(), "colleague@laocai.gov.vn", SubmittedAt);

        AssertRefused("value.own-entry", () => reported.Approve(Period(), Staff, ReviewedAt));
        AssertRefused("value.own-entry", () => reported.Return(Period(), "Sai", Staff.ToUpperInvariant(), ReviewedAt));
        Assert.Equal(ValueStatus.Submitted, reported.Status);

        reported.Approve(Period(), Reviewer, ReviewedAt);
        Assert.Equal(ValueStatus.Approved, reported.Status);
    }

    // ---- return

    [Fact]
    public void ReportedValue_AReturnedValueIsEditedBackToDraftAndResubmitted()
    {
        var reported = Submitted();

        reported.Return(Period(), "  Nguồn số liệu chưa rõ  ", Reviewer, ReviewedAt);
        Assert.Equal(ValueStatus.Returned, reported.Status);
        Assert.Equal("Nguồn số liệu chưa rõ", reported.ReturnReason);
        Assert.Equal(Reviewer, reported.ReviewedBy);
        Assert.Equal(ReviewedAt, reported.ReviewedAt);

        var editedAt = ReviewedAt.AddHours(1);
        reported.Edit(Percent, Period(), 13m, "Cục Thống kê tỉnh", null, Staff, editedAt);
        Assert.Equal(ValueStatus.Draft, reported.Status);
        Assert.Equal(13m, reported.Value);
        Assert.Equal(editedAt, reported.EnteredAt);

        var resubmittedAt = editedAt.AddHours(1);
        reported.Submit(Period(), Staff, resubmittedAt);
        Assert.Equal(ValueStatus.Submitted, reported.Status);
        Assert.Equal(resubmittedAt, reported.SubmittedAt);

        var approvedAt = resubmittedAt.AddHours(1);
        reported.Approve(Period(), "head@laocai.gov.vn", approvedAt);
        Assert.Equal(ValueStatus.Approved, reported.Status);
        Assert.Equal("head@laocai.gov.vn", reported.ReviewedBy);
        Assert.Equal(approvedAt, reported.ReviewedAt);
        Assert.Equal(1, reported.Revision);
    }

    [Fact]
    public void ReportedValue_AReturnedValueCanBeResubmittedUnchanged()
    {
        var reported = Returned();

        reported.Submit(Period(), Staff, ReviewedAt.AddHours(1));

        Assert.Equal(ValueStatus.Submitted, reported.Status);
    }

    [Fact]
    public void ReportedValue_TheLastReturnReasonStaysAfterResubmission()
    {
        var reported = Returned();

        reported.Edit(Percent, Period(), 13m, null, null, Staff, ReviewedAt.AddHours(1));
        reported.Submit(Period(), Staff, ReviewedAt.AddHours(2));

        Assert.Equal(ValueStatus.Submitted, reported.Status);
        Assert.Equal("Nguồn số liệu chưa rõ", reported.ReturnReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ReportedValue_AReturnNeedsAReason(string reason)
    {
        var reported = Submitted();

        AssertRefused("value.return-reason-missing", () => reported.Return(Period(), reason, Reviewer, ReviewedAt));
        Assert.Equal(ValueStatus.Submitted, reported.Status);
        Assert.Null(reported.ReviewedBy);
    }

    [Fact]
    public void ReportedValue_AReturnReasonHasALimit() =>
        AssertRefused("value.text-too-long",
            () => Submitted().Return(Period(), new string('x', ReportedValue.MaxTextLength + 1), Reviewer, ReviewedAt));

    // ---- revisions

    [Fact]
    public void ReportedValue_RevisingAnApprovedValueMakesTheNextRevisionAsADraftWithTheSameFigures()
    {
        var approved = Approved();
        var revisedAt = ReviewedAt.AddDays(30);

        var revision = approved.Revise(Period(), "colleague@laocai.gov.vn", revisedAt);

        Assert.Equal(2, revision.Revision);
        Assert.Equal(ValueStatus.Draft, revision.Status);
        Assert.Equal(approved.UnitCode, revision.UnitCode);
        Assert.Equal(approved.IndicatorCode, revision.IndicatorCode);
        Assert.Equal(approved.PeriodCode, revision.PeriodCode);
        Assert.Equal(12.5m, revision.Value);
        Assert.Equal("Cục Thống kê", revision.Source);
        Assert.Equal("ước tính", revision.Note);
        Assert.Equal("colleague@laocai.gov.vn", revision.EnteredBy);
        Assert.Equal(revisedAt, revision.EnteredAt);
        Assert.Null(revision.SubmittedBy);
        Assert.Null(revision.SubmittedAt);
        Assert.Null(revision.ReviewedBy);
        Assert.Null(revision.ReviewedAt);
        Assert.Null(revision.ReturnReason);
    }

    [Fact]
    public void ReportedValue_RevisingLeavesTheApprovedRevisionUnchanged()
    {
        var approved = Approved();

        var revision = approved.Revise(Period(), Staff, ReviewedAt.AddDays(30));
        revision.Edit(Percent, Period(), 14m, "khác", "khác", Staff, ReviewedAt.AddDays(31));

        Assert.Equal(1, approved.Revision);
        Assert.Equal(ValueStatus.Approved, approved.Status);
        Assert.Equal(12.5m, approved.Value);
        Assert.Equal("Cục Thống kê", approved.Source);
        Assert.Equal("ước tính", approved.Note);
        Assert.Equal(Staff, approved.EnteredBy);
        Assert.Equal(EnteredAt, approved.EnteredAt);
        Assert.Equal(Staff, approved.SubmittedBy);
        Assert.Equal(SubmittedAt, approved.SubmittedAt);
        Assert.Equal(Reviewer, approved.ReviewedBy);
        Assert.Equal(ReviewedAt, approved.ReviewedAt);
        Assert.Equal(14m, revision.Value);
    }

    [Fact]
    public void ReportedValue_ARevisionGoesThroughReviewAgain()
    {
        var revision = Approved().Revise(Period(), Staff, ReviewedAt.AddDays(30));

        revision.Submit(Period(), Staff, ReviewedAt.AddDays(31));
        revision.Approve(Period(), Reviewer, ReviewedAt.AddDays(32));

        Assert.Equal(ValueStatus.Approved, revision.Status);
        Assert.Equal(3, revision.Revise(Period(), Staff, ReviewedAt.AddDays(40)).Revision);
    }

    [Fact]
    public void ReportedValue_ADraftIsNotRevised() =>
        AssertRefused("value.not-approved", () => Draft().Revise(Period(), Staff, SubmittedAt));

    [Fact]
    public void ReportedValue_ASubmittedValueIsNotRevised() =>
        AssertRefused("value.not-approved", () => Submitted().Revise(Period(), Staff, ReviewedAt));

    [Fact]
    public void ReportedValue_AReturnedValueIsNotRevised() =>
        AssertRefused("value.not-approved", () => Returned().Revise(Period(), Staff, ReviewedAt));

    // ---- period states

    [Fact]
    public void ReportedValue_NoDraftInALockedPeriod() =>
        AssertRefused("period.locked", () => Draft(period: Period(PeriodState.Locked)));

    [Fact]
    public void ReportedValue_NoEditInALockedPeriod()
    {
        var reported = Draft();

        AssertRefused("period.locked", () => reported.Edit(Percent, Period(PeriodState.Locked), 20m, null, null, Staff, SubmittedAt));
        Assert.Equal(12.5m, reported.Value);
    }

    [Fact]
    public void ReportedValue_NoSubmitInALockedPeriod()
    {
        var reported = Draft();

        AssertRefused("period.locked", () => reported.Submit(Period(PeriodState.Locked), Staff, SubmittedAt));
        Assert.Equal(ValueStatus.Draft, reported.Status);
    }

    [Fact]
    public void ReportedValue_NoApprovalInALockedPeriod()
    {
        var reported = Submitted();

        AssertRefused("period.locked", () => reported.Approve(Period(PeriodState.Locked), Reviewer, ReviewedAt));
        Assert.Equal(ValueStatus.Submitted, reported.Status);
    }

    [Fact]
    public void ReportedValue_NoReturnInALockedPeriod() =>
        AssertRefused("period.locked", () => Submitted().Return(Period(PeriodState.Locked), "Sai", Reviewer, ReviewedAt));

    [Fact]
    public void ReportedValue_NoRevisionInALockedPeriod() =>
        AssertRefused("period.locked", () => Approved().Revise(Period(PeriodState.Locked), Staff, ReviewedAt));

    [Fact]
    public void ReportedValue_NoDraftInAClosedPeriod() =>
        AssertRefused("period.closed", () => Draft(period: Period(PeriodState.Closed)));

    [Fact]
    public void ReportedValue_NoEditInAClosedPeriod() =>
        AssertRefused("period.closed", () => Draft().Edit(Percent, Period(PeriodState.Closed), 20m, null, null, Staff, SubmittedAt));

    [Fact]
    public void ReportedValue_NoSubmitInAClosedPeriod() =>
        AssertRefused("period.closed", () => Draft().Submit(Period(PeriodState.Closed), Staff, SubmittedAt));

    [Fact]
    public void ReportedValue_NoRevisionInAClosedPeriod() =>
        AssertRefused("period.closed", () => Approved().Revise(Period(PeriodState.Closed), Staff, ReviewedAt));

    [Fact]
    public void ReportedValue_TheReviewerCanStillApproveInAClosedPeriod()
    {
        var reported = Submitted();

        reported.Approve(Period(PeriodState.Closed), Reviewer, ReviewedAt);

        Assert.Equal(ValueStatus.Approved, reported.Status);
    }

    [Fact]
    public void ReportedValue_TheReviewerCanStillReturnInAClosedPeriod()
    {
        var reported = Submitted();

        reported.Return(Period(PeriodState.Closed), "Sai", Reviewer, ReviewedAt);

        Assert.Equal(ValueStatus.Returned, reported.Status);
    }
}

/// <summary>The follow-up mark and a milestone's date reached travel with the draft and its revisions.</summary>
public class ValueMarksTests
{
    private const string Staff = "staff@laocai.gov.vn";
    private static readonly DateTimeOffset At = new(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Indicator Percent = Samples.Indicator(Measure.Percent);
    private static readonly Indicator Milestone = new("province-wide-5g", Samples.IndicatorDetails(Measure.Milestone) with { Decimals = 0 });

    private static UnitPeriod Period() => new(new ReportingPeriod("2025", new DateOnly(2026, 1, 31)), "laocai", PeriodState.Open);

    [Fact]
    public void AFollowUpMarkIsSet_KeptWhenNotMentioned_Cleared_AndCarriedIntoTheNextRevision()
    {
        var value = ReportedValue.Draft("laocai", Percent, Period(), 12.5m, null, "ước tính", Staff, At);
        Assert.False(value.FollowUp);

        value.Mark(Percent, followUp: true, reachedOn: null);
        Assert.True(value.FollowUp);
        // An edit that does not speak of the mark (an import) leaves it.
        value.Edit(Percent, Period(), 13m, null, "ước tính", Staff, At);
        value.Mark(Percent, followUp: null, reachedOn: null);
        Assert.True(value.FollowUp);

        value.Submit(Period(), Staff, At);
        Assert.Equal("value.not-editable", Assert.Throws<DomainException>(() => value.Mark(Percent, false, null)).Code);
        value.Approve(Period(), "reviewer@laocai.gov.vn", At.AddDays(1));
        var next = value.Revise(Period(), Staff, At.AddDays(2));
        Assert.True(next.FollowUp);
        Assert.Equal("ước tính", next.Note);
        next.Mark(Percent, followUp: false, reachedOn: null);
        Assert.False(next.FollowUp);
    }

    [Fact]
    public void AMilestoneReachedHasItsDate_WhichGoesWhenItIsNoLongerReached()
    {
        var reachedOn = new DateOnly(2025, 9, 2);
        var value = ReportedValue.Draft("laocai", Milestone, Period(), 1m, null, null, Staff, At);
        value.Mark(Milestone, null, reachedOn);
        Assert.Equal(reachedOn, value.ReachedOn);

        value.Edit(Milestone, Period(), 0m, null, null, Staff, At);
        Assert.Null(value.ReachedOn);
        Assert.Equal("value.reached-on-not-reached", Assert.Throws<DomainException>(() => value.Mark(Milestone, null, reachedOn)).Code);
    }

    [Fact]
    public void OnlyAMilestoneHasADateReached()
    {
        var value = ReportedValue.Draft("laocai", Percent, Period(), 1m, null, null, Staff, At);
        Assert.Equal("value.reached-on-not-milestone", Assert.Throws<DomainException>(() => value.Mark(Percent, null, new DateOnly(2025, 9, 2))).Code);
        Assert.Null(value.ReachedOn);
    }
}
