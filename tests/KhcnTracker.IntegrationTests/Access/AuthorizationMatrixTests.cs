namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// Role × action × scope → allowed or denied, through the API with bearer tokens of the demo accounts. Every denial is
/// a 403 and writes nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // Vĩnh Phúc's Department of Science and Technology led this task; since 1 July 2025 Phú Thọ's reports for it.
    private const string VinhPhucTask = "vinhphuc-qd843/skhcn";
    // A task of Quảng Trị's programme led by its Department of Science and Technology.
    private const string QuangTriTask = "quangtri-cthd144/skhcn";

    public static TheoryData<string, string, bool> TaskProgress => new()
    {
        { "staff.phutho@demo.local", VinhPhucTask, true },      // own agency, following the 2025 mergers
        { "staff2.phutho@demo.local", VinhPhucTask, false },    // another agency of the same province
        { "staff.quangtri@demo.local", VinhPhucTask, false },   // the same agency of another province
        { "staff.quangtri@demo.local", QuangTriTask, true },
        { "staff.laocai@demo.local", QuangTriTask, false },
        { "reviewer.phutho@demo.local", VinhPhucTask, false },  // reviewers approve, they do not report
        { "leader.phutho@demo.local", VinhPhucTask, false },    // leadership is read-only
        { "leader.national@demo.local", QuangTriTask, false },
        { "auditor.quangtri@demo.local", QuangTriTask, false }, // auditors read, never write
        { "auditor.national@demo.local", VinhPhucTask, false },
        { "admin@demo.local", VinhPhucTask, false },            // administrators keep the catalogue, not the figures
    };

    [Theory]
    [MemberData(nameof(TaskProgress))]
    public async Task RecordingTaskProgress(string email, string task, bool allowed)
    {
        var before = await TaskAsync(task);
        using var client = await portal.CreateClientForAsync(email);

        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{before.Id}/progress",
            new { status = "in-progress", percent = 30, note = $"Ghi chú của {email}" });

        // Allowed or not, the task's public progress stays as it was: a report changes it only once approved.
        var after = await TaskAsync(task);
        Assert.Equal((before.Status, before.ProgressNote, before.Version), (after.Status, after.ProgressNote, after.Version));
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var reports = (await db.TaskReports.AsNoTracking().Where(r => r.TaskId == before.Id).ToListAsync())
            .Where(r => r.Authors.Contains(email)).ToList();
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var draft = Assert.Single(reports);
            Assert.Equal((Domain.Reporting.ValueStatus.Draft, PlanTaskStatus.InProgress, 30, $"Ghi chú của {email}", email),
                (draft.Status, draft.Progress, draft.Percent, draft.Note, draft.EnteredBy));
        }
        else
        {
            await AssertForbiddenAsync(response);
            Assert.Empty(reports);
        }
    }

    public static TheoryData<string, bool> CatalogueEdits => new()
    {
        { "admin@demo.local", true },
        { "staff.laocai@demo.local", false },
        { "reviewer.laocai@demo.local", false },
        { "leader.laocai@demo.local", false },
        { "leader.national@demo.local", false },
        { "auditor.laocai@demo.local", false },
        { "auditor.national@demo.local", false },
    };

    [Theory]
    [MemberData(nameof(CatalogueEdits))]
    public async Task RetiringATarget(string email, bool allowed)
    {
        // Each case retires its own target, so the cases do not depend on each other's order.
        var target = await TargetAtAsync(CatalogueEdits.Select(row => (string)row[0]).ToList().IndexOf(email));
        using var client = await portal.CreateClientForAsync(email);

        var response = await client.PostAsJsonAsync($"/api/v1/targets/{target.Id}/retire", new { version = target.Version, reason = "Kiểm tra quyền" });

        var after = await TargetByIdAsync(target.Id);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.True(after.IsRetired);
        }
        else
        {
            await AssertForbiddenAsync(response);
            Assert.False(after.IsRetired);
            Assert.Equal(target.Version, after.Version);
        }
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", problem.GetProperty("detail").GetString());
    }

    private async Task<PlanTask> TaskAsync(string documentAndLead)
    {
        var (document, lead) = (documentAndLead.Split('/')[0], documentAndLead.Split('/')[1]);
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        return await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == document && t.LeadAgencyCode == lead)
            .OrderBy(t => t.Number).FirstAsync();
    }

    private async Task<Target> TargetAtAsync(int index)
    {
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        return await db.Targets.AsNoTracking().Where(t => t.UnitCode == "laocai").OrderBy(t => t.Id).Skip(index).FirstAsync();
    }

    private async Task<Target> TargetByIdAsync(int id)
    {
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        return await db.Targets.AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
