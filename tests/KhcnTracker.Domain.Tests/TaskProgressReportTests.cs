namespace KhcnTracker.Domain.Tests;

public class TaskProgressReportTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Staff = "staff@demo.local";
    private const string Reviewer = "reviewer@demo.local";

    private static PlanTask Task() => new(Samples.Document(2025), 1, Samples.TaskDetails(2025, 2026));

    private static TaskProgressReport Submitted(PlanTask task, PlanTaskStatus status = PlanTaskStatus.Done, int percent = 100)
    {
        var report = TaskProgressReport.Draft(task, "vietnam", "skhcn", status, percent, "Đã ban hành", Staff, At);
        report.Submit(Staff, At);
        return report;
    }

    [Fact]
    public void ASubmittedReportLeavesTheTaskAsItWasUntilApproved()
    {
        var task = Task();
        var report = Submitted(task);

        Assert.Equal(PlanTaskStatus.NotStarted, task.Status);
        Assert.Null(task.PercentDone);

        report.Approve(task, Reviewer, At);
        Assert.Equal(PlanTaskStatus.Done, task.Status);
        Assert.Equal(100, task.PercentDone);
        Assert.Equal(ValueStatus.Approved, report.Status);
    }

    [Fact]
    public void AReturnedReportChangesNothingPublicAndKeepsItsReason()
    {
        var task = Task();
        var report = Submitted(task);

        report.Return("  Thiếu quyết định ban hành.  ", Reviewer, At);

        Assert.Equal(ValueStatus.Returned, report.Status);
        Assert.Equal("Thiếu quyết định ban hành.", report.ReturnReason);
        Assert.Equal(PlanTaskStatus.NotStarted, task.Status);
    }

    [Theory]
    [InlineData(Staff)]
    [InlineData("STAFF@demo.local")]
    public void NobodyReviewsAReportTheySubmitted(string reviewer)
    {
        var task = Task();
        var report = Submitted(task);
        Assert.Equal("task-report.own-submission", Assert.Throws<DomainException>(() => report.Approve(task, reviewer, At)).Code);
        Assert.Equal("task-report.own-submission", Assert.Throws<DomainException>(() => report.Return("x", reviewer, At)).Code);
    }

    [Fact]
    public void NobodyReviewsAReportTheyEditedEvenIfSomeoneElseSubmittedIt()
    {
        var task = Task();
        var report = TaskProgressReport.Draft(task, "vietnam", "skhcn", PlanTaskStatus.InProgress, 40, null, Reviewer, At);
        report.Edit(PlanTaskStatus.InProgress, 60, null, Staff, At);
        report.Submit(Staff, At);

        Assert.Equal("task-report.own-submission", Assert.Throws<DomainException>(() => report.Approve(task, Reviewer, At)).Code);
    }

    [Fact]
    public void OnlyASubmittedReportIsReviewedAndAReasonIsNeededToReturnIt()
    {
        var task = Task();
        var draft = TaskProgressReport.Draft(task, "vietnam", "skhcn", PlanTaskStatus.InProgress, 40, null, Staff, At);
        Assert.Equal("task-report.not-submitted", Assert.Throws<DomainException>(() => draft.Approve(task, Reviewer, At)).Code);

        var submitted = Submitted(task);
        Assert.Equal("value.return-reason-missing", Assert.Throws<DomainException>(() => submitted.Return(" ", Reviewer, At)).Code);
        Assert.Equal("task-report.not-editable",
            Assert.Throws<DomainException>(() => submitted.Edit(PlanTaskStatus.Done, 100, null, Staff, At)).Code);
    }

    [Theory]
    [InlineData(PlanTaskStatus.Done, 90, "task-report.done-not-100")]
    [InlineData(PlanTaskStatus.NotStarted, 10, "task-report.not-started-not-0")]
    [InlineData(PlanTaskStatus.InProgress, 101, "task-report.percent-invalid")]
    [InlineData(PlanTaskStatus.InProgress, -1, "task-report.percent-invalid")]
    public void StatusAndPercentMustAgree(PlanTaskStatus status, int percent, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() =>
            TaskProgressReport.Draft(Task(), "vietnam", "skhcn", status, percent, null, Staff, At)).Code);

    [Fact]
    public void ARetiredTaskTakesNoReport()
    {
        var task = Task();
        task.Retire(new Retirement("admin@demo.local", At, "Nhiệm vụ đã được thay thế"));
        Assert.Equal("task.retired", Assert.Throws<DomainException>(() =>
            TaskProgressReport.Draft(task, "vietnam", "skhcn", PlanTaskStatus.InProgress, 10, null, Staff, At)).Code);
    }

    [Fact]
    public void AnApprovedReportIsRevisedIntoTheNextDraftAndStaysAsItWas()
    {
        var task = Task();
        var first = Submitted(task, PlanTaskStatus.InProgress, 50);
        first.Approve(task, Reviewer, At);

        var second = first.Revise(task, Staff, At);

        Assert.Equal(2, second.Revision);
        Assert.Equal(ValueStatus.Draft, second.Status);
        Assert.Equal(50, second.Percent);
        Assert.Equal(ValueStatus.Approved, first.Status);
        Assert.Equal(50, task.PercentDone);
    }
}
