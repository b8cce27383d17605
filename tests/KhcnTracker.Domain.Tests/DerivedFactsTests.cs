namespace KhcnTracker.Domain.Tests;

/// <summary>The facts derived from a status, each written once: overdue (a task) and still to report (a value).</summary>
public class DerivedFactsTests
{
    private static PlanTask Task(int endYear, PlanTaskStatus status, bool retired = false)
    {
        var task = new PlanTask(Samples.Document(2025), 1, Samples.TaskDetails(2025, endYear));
        if (status != PlanTaskStatus.NotStarted)
        {
            var report = TaskProgressReport.Draft(task, "vietnam", "skhcn", status, status == PlanTaskStatus.Done ? 100 : 50, null,
                "staff@demo.local", DateTimeOffset.UnixEpoch);
            report.Submit("staff@demo.local", DateTimeOffset.UnixEpoch);
            report.Approve(task, "reviewer@demo.local", DateTimeOffset.UnixEpoch);
        }
        if (retired) task.Retire(new Retirement("admin@demo.local", DateTimeOffset.UnixEpoch, "Trùng lặp"));
        return task;
    }

    public static TheoryData<int, PlanTaskStatus, bool, int, bool> Tasks => new()
    {
        { 2026, PlanTaskStatus.NotStarted, false, 2027, true },
        { 2026, PlanTaskStatus.InProgress, false, 2027, true },
        { 2026, PlanTaskStatus.Done, false, 2027, false },
        { 2026, PlanTaskStatus.InProgress, false, 2026, false },
        { 2026, PlanTaskStatus.NotStarted, true, 2030, false },
    };

    /// <summary>The query's expression (the SQL <c>WHERE</c>) and the task's method answer alike: they are one rule.</summary>
    [Theory]
    [MemberData(nameof(Tasks))]
    public void TheOverdueQueryAndTheTaskAgree(int endYear, PlanTaskStatus status, bool retired, int currentYear, bool overdue)
    {
        var task = Task(endYear, status, retired);

        Assert.Equal(overdue, task.IsOverdue(currentYear));
        Assert.Equal(overdue, TaskDeadline.Overdue(currentYear).Compile()(task));
        Assert.Equal(overdue, TaskDeadline.IsOverdue(retired, status, endYear, currentYear));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(ValueStatus.Draft, true)]
    [InlineData(ValueStatus.Returned, true)]
    [InlineData(ValueStatus.Submitted, false)]
    [InlineData(ValueStatus.Approved, false)]
    public void NothingADraftOrAReturnedValueIsStillToReport(ValueStatus? latest, bool stillToReport) =>
        Assert.Equal(stillToReport, ValueStatusRules.IsStillToReport(latest));
}
