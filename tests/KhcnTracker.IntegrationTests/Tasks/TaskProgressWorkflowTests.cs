namespace KhcnTracker.IntegrationTests.Tasks;

/// <summary>
/// A task's progress over the API: a draft with evidence, submitted, returned, corrected, resubmitted, approved — and
/// nothing public (the tasks list, the overview) changes until the approval. Every refusal writes nothing.
/// </summary>
public sealed class TaskProgressWorkflowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Staff = "staff.quangtri@demo.local";
    private const string Reviewer = "reviewer.quangtri@demo.local";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task ProgressBecomesPublicOnlyWhenTheReviewerApprovesIt()
    {
        var task = await QuangTriTaskAsync(0);
        using var staff = await portal.CreateClientForAsync(Staff);
        using var reviewer = await portal.CreateClientForAsync(Reviewer);
        using var leader = await portal.CreateClientForAsync("leader.quangtri@demo.local");
        var doneBefore = await DoneInOverviewAsync(leader);

        var draft = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress",
            new { status = "done", percent = 100, note = "Đã ban hành kế hoạch." }));
        var evidence = await Json(await staff.PostAsync($"/api/v1/tasks/{task.Id}/progress/evidence", Upload(Pdf, "quyet-dinh-ban-hanh.pdf")));
        Assert.Equal("application/pdf", evidence.GetProperty("contentType").GetString());
        var submitted = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit",
            new { version = draft.GetProperty("version").GetUInt32() }));
        Assert.Equal("not-started", await PublicStatusAsync(leader, task.Id));

        // The reviewer reads the evidence, then returns the report with a reason.
        var waiting = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/tasks/progress?unit=quangtri&status=submitted"))
            .EnumerateArray().Single(r => r.GetProperty("taskId").GetInt32() == task.Id);
        var files = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/progress/{waiting.GetProperty("id").GetInt32()}/evidence");
        var download = await reviewer.GetAsync($"/api/v1/tasks/evidence/{files.EnumerateArray().Single().GetProperty("id").GetGuid()}");
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var returned = await Json(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/return",
            new { reason = "Thiếu quyết định ban hành kèm theo.", version = submitted.GetProperty("version").GetUInt32() }));
        Assert.Equal("not-started", await PublicStatusAsync(leader, task.Id));

        // Staff correct it (the returned report becomes a draft again) and resubmit; the reviewer approves.
        var corrected = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress",
            new { version = returned.GetProperty("version").GetUInt32(), status = "done", percent = 100, note = "Đã ban hành, kèm quyết định." }));
        var resubmitted = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit",
            new { version = corrected.GetProperty("version").GetUInt32() }));
        Assert.Equal("not-started", await PublicStatusAsync(leader, task.Id));
        Assert.Equal(doneBefore, await DoneInOverviewAsync(leader));
        await Json(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve",
            new { version = resubmitted.GetProperty("version").GetUInt32() }));

        var published = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/tasks?unit=quangtri")).EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == task.Id);
        Assert.Equal("done", published.GetProperty("status").GetString());
        Assert.Equal(100, published.GetProperty("percentDone").GetInt32());
        Assert.Equal("Đã ban hành, kèm quyết định.", published.GetProperty("progressNote").GetString());
        Assert.Equal(doneBefore + 1, await DoneInOverviewAsync(leader));

        var history = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task.Id}/progress")).EnumerateArray().Single();
        Assert.Equal("approved", history.GetProperty("status").GetString());
        Assert.Equal("Thiếu quyết định ban hành kèm theo.", history.GetProperty("returnReason").GetString());
        Assert.Equal(Reviewer, history.GetProperty("reviewedBy").GetString());

        // Every step is in the audit trail, and the task's change is the reviewer's.
        await using var db = Db();
        var reportKey = history.GetProperty("id").GetInt32().ToString();
        var steps = await db.AuditLog.Where(a => a.Entity == "task_report" && a.EntityKey == reportKey).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([Staff, Staff, Reviewer, Staff, Staff, Reviewer], steps.Select(a => a.Actor));
        var taskChange = await db.AuditLog.Where(a => a.Entity == "task" && a.EntityKey == task.Id.ToString()).OrderBy(a => a.Sequence).LastAsync();
        Assert.Equal(Reviewer, taskChange.Actor);
        Assert.Contains("\"done\"", taskChange.Changes);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Entity == "task_evidence" && a.Actor == Staff));
    }

    [Fact]
    public async Task AnApprovedReportIsRevisedIntoANewDraftAndTheTaskKeepsItsApprovedProgressMeanwhile()
    {
        var task = await QuangTriTaskAsync(1);
        using var staff = await portal.CreateClientForAsync(Staff);
        using var reviewer = await portal.CreateClientForAsync(Reviewer);
        await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "in-progress", percent = 40 }));
        await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { }));
        await Json(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { }));

        var second = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "in-progress", percent = 70 }));

        var revisions = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task.Id}/progress")).EnumerateArray().ToList();
        Assert.Equal([(1, "approved", 40), (2, "draft", 70)],
            revisions.Select(r => (r.GetProperty("revision").GetInt32(), r.GetProperty("status").GetString(), r.GetProperty("percent").GetInt32())));
        Assert.Equal(second.GetProperty("id").GetInt32(), revisions[1].GetProperty("id").GetInt32());
        var now = await TaskAsync(task.Id);
        Assert.Equal((PlanTaskStatus.InProgress, 40), (now.Status, now.PercentDone));
    }

    [Fact]
    public async Task RefusalsWriteNothing()
    {
        var task = await QuangTriTaskAsync(2);
        using var staff = await portal.CreateClientForAsync(Staff);
        using var otherAgency = await portal.CreateClientForAsync("staff2.quangtri@demo.local");
        using var reviewer = await portal.CreateClientForAsync(Reviewer);
        using var otherReviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");

        // Not submitted: nothing to approve or return yet, then a draft that is not submitted.
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { })).StatusCode);
        var draft = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "in-progress", percent = 20 }));
        await AssertRuleAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { }),
            "Chỉ báo cáo tiến độ đang chờ thẩm định mới được phê duyệt hoặc trả lại.");
        await AssertRuleAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/return", new { reason = "Chưa gửi." }),
            "Chỉ báo cáo tiến độ đang chờ thẩm định mới được phê duyệt hoặc trả lại.");

        // The wrong agency neither writes, attaches, nor submits; status and percent must agree.
        await AssertForbiddenAsync(await otherAgency.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "done", percent = 100 }));
        await AssertForbiddenAsync(await otherAgency.PostAsync($"/api/v1/tasks/{task.Id}/progress/evidence", Upload(Pdf, "x.pdf")));
        await AssertForbiddenAsync(await otherAgency.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { }));
        await AssertRuleAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress",
            new { version = draft.GetProperty("version").GetUInt32(), status = "done", percent = 80 }), "Nhiệm vụ đã hoàn thành phải đạt 100%.");

        var submitted = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { version = draft.GetProperty("version").GetUInt32() }));
        var version = submitted.GetProperty("version").GetUInt32();

        // A submitted report is not edited, nor given more evidence.
        await AssertRuleAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { version, status = "in-progress", percent = 90 }),
            "Báo cáo tiến độ đã gửi hoặc đã duyệt không sửa được; hãy cập nhật để tạo lần báo cáo mới.");
        await AssertRuleAsync(await staff.PostAsync($"/api/v1/tasks/{task.Id}/progress/evidence", Upload(Pdf, "muon.pdf")),
            "Báo cáo tiến độ đã gửi hoặc đã duyệt không sửa được; hãy cập nhật để tạo lần báo cáo mới.");
        // Another province's reviewer neither reads the province's task reports nor reviews them; a stale version, a return without a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherReviewer.GetAsync("/api/v1/tasks/progress?unit=quangtri")).StatusCode);
        await AssertForbiddenAsync(await otherReviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { version }));
        var stale = await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { version = draft.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains($"vừa được {Staff} cập nhật (20%, trạng thái: chờ thẩm định)", await stale.Content.ReadAsStringAsync());
        await AssertRuleAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/return", new { reason = "  ", version }), "Hãy ghi lý do trả lại.");
        await AssertRuleAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/return", new { version }), "Hãy ghi lý do trả lại.");

        var report = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task.Id}/progress")).EnumerateArray().Single();
        Assert.Equal(("submitted", 20, version), (report.GetProperty("status").GetString(), report.GetProperty("percent").GetInt32(), report.GetProperty("version").GetUInt32()));
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/progress/{report.GetProperty("id").GetInt32()}/evidence")).GetArrayLength());
        Assert.Equal(task.Status, (await TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task NobodyReviewsAReportTheySubmitted()
    {
        // A reviewer who also reports for Quảng Trị's Department of Science and Technology (both roles, one person).
        await using (var db = Db())
        {
            var user = await db.Users.SingleAsync(u => u.Email == Reviewer);
            user.Grants = [.. user.Grants, "DepartmentStaff:quangtri:skhcn"];
            user.SecurityStamp = Guid.NewGuid().ToString(); // as every change of grants does: the new grants apply at once
            await db.SaveChangesAsync();
        }
        var task = await QuangTriTaskAsync(3);
        using var both = await portal.CreateClientForAsync(Reviewer);
        await Json(await both.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress", new { status = "done", percent = 100, note = "Tự báo cáo." }));
        var submitted = await Json(await both.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/submit", new { }));

        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/approve", new { version = submitted.GetProperty("version").GetUInt32() }));
        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/progress/return", new { reason = "x", version = submitted.GetProperty("version").GetUInt32() }));

        var report = (await both.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task.Id}/progress")).EnumerateArray().Single();
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        Assert.Equal(PlanTaskStatus.NotStarted, (await TaskAsync(task.Id)).Status);
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));

    /// <summary>A task of Quảng Trị's programme led by its Department of Science and Technology; each test takes its own.</summary>
    private async Task<PlanTask> QuangTriTaskAsync(int index)
    {
        await using var db = Db();
        return await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "quangtri-cthd144" && t.LeadAgencyCode == "skhcn" && !t.IsRetired)
            .OrderBy(t => t.Number).Skip(index).FirstAsync();
    }

    private async Task<PlanTask> TaskAsync(int id)
    {
        await using var db = Db();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    private static async Task<string?> PublicStatusAsync(HttpClient client, int taskId) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?unit=quangtri")).EnumerateArray()
        .Single(t => t.GetProperty("id").GetInt32() == taskId).GetProperty("status").GetString();

    /// <summary>Tasks the province overview counts as done, across its lead agencies.</summary>
    private static async Task<int> DoneInOverviewAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/progress/units/quangtri")).GetProperty("tasks").EnumerateArray()
        .Sum(a => a.GetProperty("done").GetInt32());

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertRuleAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
