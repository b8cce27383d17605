using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Tasks;

/// <summary>
/// One meaning for each task status filter: the Tasks page asks <see cref="ListTasks"/> with the filter the API builds,
/// so "in progress" counts the in-progress tasks (overdue ones too, marked overdue) on both, and "overdue" is the one
/// rule (<see cref="TaskDeadline"/>) the catalogue summary counts as well. The page used to leave overdue tasks out of
/// "in progress" while the API kept them.
/// </summary>
public sealed class TaskStatusFilterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private AppDbContextFactory Db => new(TestPostgres.Factory(portal.ConnectionString));

    [Fact]
    public async Task TheTasksPageAndTheApiCountTheSameTasksForEveryStatus()
    {
        var task = await InProgressPastItsEndAsync();
        using var leader = await portal.CreateClientForAsync("leader.phutho@demo.local");
        await using var services = UseCaseServices.Create(portal.Clock);
        using var scope = services.CreateScope();
        var page = scope.Use<ListTasks>(new TestCaller("leader.phutho@demo.local", new RoleGrant(Role.Leadership, "phutho")), Db);

        var all = await page.HandleAsync(new TaskFilter(Unit: "phutho"));
        foreach (var status in ListTasks.Statuses)
        {
            var api = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?unit=phutho&status={status}")).EnumerateArray()
                .Select(t => t.GetProperty("id").GetInt32()).Order().ToList();
            var shown = (await page.HandleAsync(new TaskFilter(Status: status, Unit: "phutho"))).Select(t => t.Id).Order().ToList();
            Assert.Equal(api, shown);
            var expected = status == ListTasks.Overdue
                ? all.Where(t => t.IsOverdue)
                : all.Where(t => t.Status == CatalogueWords.TaskStatus.Parse(status));
            Assert.Equal(expected.Select(t => t.Id).Order(), shown);
        }

        // The task that used to fall between the two: in progress and overdue, listed under both, on the page and the API.
        var mine = all.Single(t => t.Id == task);
        Assert.True(mine.IsOverdue);
        Assert.Equal(PlanTaskStatus.InProgress, mine.Status);
        Assert.Contains(task, (await page.HandleAsync(new TaskFilter(Status: "in-progress", Unit: "phutho"))).Select(t => t.Id));
        Assert.Contains(task, (await page.HandleAsync(new TaskFilter(Status: ListTasks.Overdue, Unit: "phutho"))).Select(t => t.Id));

        // The home page's count of overdue tasks is the same rule.
        var summary = (await new SummarizeCatalogue(Db,
            new TestCaller("leader.phutho@demo.local", new RoleGrant(Role.Leadership, "phutho")), portal.Clock).HandleAsync()).Single(s => s.Unit.Code == "phutho");
        Assert.Equal(all.Count(t => t.IsOverdue), summary.OverdueTasks);
        Assert.Equal(all.Count, summary.Tasks);
    }

    /// <summary>A Phú Thọ task reported in progress and approved; then the clock passes its end year (if it has not yet).</summary>
    private async Task<int> InProgressPastItsEndAsync()
    {
        await using var db = new AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var task = await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "vinhphuc-qd843" && t.LeadAgencyCode == "skhcn" && !t.IsRetired)
            .OrderBy(t => t.EndYear).ThenBy(t => t.Number).FirstAsync();
        using (var staff = await portal.CreateClientForAsync("staff.phutho@demo.local"))
        using (var reviewer = await portal.CreateClientForAsync("reviewer.phutho@demo.local"))
        {
            var draft = await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "in-progress", percent = 40, note = "Đang triển khai" });
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
            (await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { })).EnsureSuccessStatusCode();
            (await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { })).EnsureSuccessStatusCode();
        }
        var pastItsEnd = new DateTimeOffset(task.EndYear + 1, 2, 1, 0, 0, 0, TimeSpan.FromHours(7));
        if (portal.Clock.GetUtcNow() < pastItsEnd) portal.Clock.SetUtcNow(pastItsEnd);
        return task.Id;
    }
}
