namespace KhcnTracker.IntegrationTests.Tasks;

/// <summary>
/// A task's status, percent and progress note are its province's approved progress: they follow the values' scope, as
/// the overview that shows the same facts does. Quảng Trị's leader reads Quảng Trị's tasks, not Phú Thọ's.
/// </summary>
public sealed class TaskScopeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string SecretNote = "Tiến độ nội bộ của Phú Thọ — chưa công bố cho tỉnh khác";

    [Fact]
    public async Task AProvinceReadsOnlyItsOwnTasks_AsItReadsOnlyItsOwnOverview()
    {
        var taskId = await ApprovePhuThoProgressAsync();
        using var quangtri = await portal.CreateClientForAsync("leader.quangtri@demo.local");
        using var phutho = await portal.CreateClientForAsync("leader.phutho@demo.local");
        using var national = await portal.CreateClientForAsync("leader.national@demo.local");

        var own = await ArrayAsync(quangtri, "/api/v1/tasks");
        Assert.NotEmpty(own);
        Assert.All(own, t => Assert.Equal("quangtri", t.GetProperty("unit").GetProperty("code").GetString()));
        Assert.DoesNotContain(SecretNote, await quangtri.GetStringAsync("/api/v1/tasks"));
        Assert.DoesNotContain(SecretNote, await quangtri.GetStringAsync($"/api/v1/tasks/{taskId}/progress"));
        Assert.DoesNotContain(SecretNote, await quangtri.GetStringAsync("/api/v1/tasks/progress"));
        var export = await quangtri.GetStringAsync("/api/v1/exports/tasks.csv");
        Assert.DoesNotContain(SecretNote, export);
        Assert.DoesNotContain("\"vinhphuc\"", export);

        // Another province asked for by name is refused as its overview is; an unknown one is not found.
        Assert.Equal(HttpStatusCode.Forbidden, (await quangtri.GetAsync("/api/v1/progress/units/phutho")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await quangtri.GetAsync("/api/v1/tasks?unit=phutho")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await quangtri.GetAsync("/api/v1/exports/tasks.csv?unit=phutho")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quangtri.GetAsync("/api/v1/tasks?unit=khong-co-tinh-nay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quangtri.GetAsync("/api/v1/tasks/progress?unit=khong-co-tinh-nay")).StatusCode);

        // The province itself and the national leadership read the note.
        var mine = (await ArrayAsync(phutho, "/api/v1/tasks?unit=phutho")).Single(t => t.GetProperty("id").GetInt32() == taskId);
        Assert.Equal(SecretNote, mine.GetProperty("progressNote").GetString());
        var all = await ArrayAsync(national, "/api/v1/tasks");
        Assert.Contains(all, t => t.GetProperty("unit").GetProperty("code").GetString() == "quangtri");
        Assert.Contains(all, t => t.GetProperty("progressNote").GetString() == SecretNote);
        Assert.True(all.Count > own.Count);
    }

    private async Task<int> ApprovePhuThoProgressAsync()
    {
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var task = await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "vinhphuc-qd843" && t.LeadAgencyCode == "skhcn")
            .OrderBy(t => t.Number).FirstAsync();
        using var staff = await portal.CreateClientForAsync("staff.phutho@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.phutho@demo.local");
        var draft = await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "in-progress", percent = 40, note = SecretNote });
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        (await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { })).EnsureSuccessStatusCode();
        return task.Id;
    }

    private static async Task<List<JsonElement>> ArrayAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().ToList();
}
