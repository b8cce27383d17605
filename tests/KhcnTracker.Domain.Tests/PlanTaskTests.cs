namespace KhcnTracker.Domain.Tests;

public class PlanTaskTests
{
    /// <summary>Progress reaches a task only through an approved report.</summary>
    private static void Approve(PlanTask task, PlanTaskStatus status, string note)
    {
        var percent = status switch { PlanTaskStatus.Done => 100, PlanTaskStatus.InProgress => 50, _ => 0 };
        var report = TaskProgressReport.Draft(task, "vietnam", "skhcn", status, percent, note, "staff@demo.local", DateTimeOffset.UnixEpoch);
        report.Submit("staff@demo.local", DateTimeOffset.UnixEpoch);
        report.Approve(task, "reviewer@demo.local", DateTimeOffset.UnixEpoch);
    }

    private static PlanTask Task(int startYear = 2025, int endYear = 2026) =>
        new(Samples.Document(2025), 1, Samples.TaskDetails(startYear, endYear));

    [Fact]
    public void PlanTask_TakesItsDocumentAndUnitFromTheDocument()
    {
        var task = new PlanTask(Samples.Document(2025, "kh01"), 3, Samples.TaskDetails());

        Assert.Equal("kh01", task.DocumentCode);
        Assert.Equal("vietnam", task.UnitCode);
        Assert.Equal(3, task.Number);
        Assert.Equal(PlanTaskStatus.NotStarted, task.Status);
    }

    [Fact]
    public void PlanTask_IsOverdueWhenNotDoneAndItsEndYearIsOver() =>
        Assert.True(Task(endYear: 2026).IsOverdue(currentYear: 2027));

    [Fact]
    public void PlanTask_IsNotOverdueDuringItsEndYear() =>
        Assert.False(Task(endYear: 2026).IsOverdue(currentYear: 2026));

    [Fact]
    public void PlanTask_InProgressPastItsEndYearIsOverdue()
    {
        var task = Task(endYear: 2026);
        Approve(task, PlanTaskStatus.InProgress, "Đang triển khai");

        Assert.True(task.IsOverdue(currentYear: 2030));
    }

    [Fact]
    public void PlanTask_DoneIsNeverOverdue()
    {
        var task = Task(endYear: 2026);
        Approve(task, PlanTaskStatus.Done, "Đã hoàn thành");

        Assert.False(task.IsOverdue(currentYear: 2030));
    }

    [Fact]
    public void PlanTask_AnApprovedReportGivesTheTaskItsStatusPercentAndTrimmedNote()
    {
        var task = Task();

        Approve(task, PlanTaskStatus.InProgress, "  Đang triển khai  ");

        Assert.Equal(PlanTaskStatus.InProgress, task.Status);
        Assert.Equal(50, task.PercentDone);
        Assert.Equal("Đang triển khai", task.ProgressNote);
    }

    [Fact]
    public void PlanTask_ProgressIsNotACatalogueEditSoARefreshStillUpdatesTheTextAndKeepsTheProgress()
    {
        var task = Task(endYear: 2026);
        Approve(task, PlanTaskStatus.Done, "Đã hoàn thành");

        var refreshed = task.RefreshFromCatalogue(Samples.Document(), Samples.TaskDetails(2025, 2028));

        Assert.False(task.EditedByUser);
        Assert.True(refreshed);
        Assert.Equal(2028, task.EndYear);
        Assert.Equal(PlanTaskStatus.Done, task.Status);
        Assert.Equal("Đã hoàn thành", task.ProgressNote);
    }

    [Fact]
    public void PlanTask_RefusesAStartAfterItsEnd()
    {
        var error = Assert.Throws<DomainException>(() => Task(startYear: 2027, endYear: 2026));
        Assert.Equal("task.timeframe-invalid", error.Code);
    }

    [Fact]
    public void PlanTask_AcceptsStartingAndEndingInTheSameYear()
    {
        var task = Task(startYear: 2026, endYear: 2026);

        Assert.Equal(2026, task.StartYear);
        Assert.Equal(2026, task.EndYear);
    }

    [Fact]
    public void PlanTask_RefusesEndingBeforeItsDocument()
    {
        var error = Assert.Throws<DomainException>(() => Task(startYear: 2023, endYear: 2024));
        Assert.Equal("task.ends-before-document", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void PlanTask_RefusesANumberBelowOne(int number)
    {
        var error = Assert.Throws<DomainException>(() => new PlanTask(Samples.Document(), number, Samples.TaskDetails()));
        Assert.Equal("task.number-invalid", error.Code);
    }

    [Fact]
    public void PlanTask_RefusesALeadAgencyCodeThatIsNotASlug()
    {
        var error = Assert.Throws<DomainException>(() =>
            new PlanTask(Samples.Document(), 1, Samples.TaskDetails(leadAgency: "Sở KH&CN")));
        Assert.Equal("slug.invalid", error.Code);
    }

    [Fact]
    public void PlanTask_ListsEachCoordinatingAgencyOnce()
    {
        var details = Samples.TaskDetails() with { CoordinatingAgencyCodes = ["sotc", "sonv", "sotc"] };

        var task = new PlanTask(Samples.Document(), 1, details);

        Assert.Equal(["sotc", "sonv"], task.CoordinatingAgencyCodes);
    }

    [Fact]
    public void PlanTask_IsFoundByNameAndProductWithoutDiacritics() =>
        Assert.Equal("xay dung co so du lieu khoa hoc va cong nghe co so du lieu", Task().SearchText);

    [Fact]
    public void PlanTask_EditMarksItEditedByUserAndBlocksRefresh()
    {
        var task = Task(endYear: 2026);

        task.Edit(Samples.Document(), Samples.TaskDetails(2025, 2027));
        var refreshed = task.RefreshFromCatalogue(Samples.Document(), Samples.TaskDetails(2025, 2028));

        Assert.True(task.EditedByUser);
        Assert.False(refreshed);
        Assert.Equal(2027, task.EndYear);
    }

    [Fact]
    public void PlanTask_RefreshUpdatesAnUneditedTask()
    {
        var task = Task(endYear: 2026);

        var refreshed = task.RefreshFromCatalogue(Samples.Document(), Samples.TaskDetails(2025, 2028));

        Assert.True(refreshed);
        Assert.Equal(2028, task.EndYear);
        Assert.False(task.EditedByUser);
    }

    [Fact]
    public void PlanTask_RetireMarksItRetiredAndEditedByUser()
    {
        var task = Task();

        task.Retire(new KhcnTracker.Domain.Catalogue.Retirement("admin@demo.local", DateTimeOffset.UnixEpoch, "Không còn hiệu lực"));

        Assert.True(task.IsRetired);
        Assert.True(task.EditedByUser);
    }
}
