using KhcnTracker.Domain.Reporting;
using static KhcnTracker.IntegrationTests.Periods.PeriodApi;

namespace KhcnTracker.IntegrationTests.Periods;

/// <summary>
/// Every door a figure can come through, in each state of the province's period: values (save, submit, approve,
/// return), evidence, the import, the report's narrative, task progress. Each refusal leaves nothing behind.
/// </summary>
public sealed class PeriodDoorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Indicator = "digital-economy-grdp-share";
    private const string OtherIndicator = "online-public-service-use";

    [Fact]
    public async Task AnOpenPeriodTakesEveryDoor()
    {
        await CreateAsync(portal, "2016");
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        await AssertStatusAsync(await ChangeAsync(reviewer, "2016", "open", "laocai"), 200);

        var id = await IdOf(await SaveAsync(staff, "laocai", Indicator, "2016", 4.5m));
        await EvidenceSubmitAndApproveAsync(staff, reviewer, id, "nien-giam-2016.pdf");
        await AssertStatusAsync(await ImportCsvAsync(staff, "laocai", OtherIndicator, "2016", "30,5"), 200);
        await AssertStatusAsync(await WriteNarrativeAsync(reviewer, "laocai", "2016", "Đánh giá chung năm 2016"), 200);
    }

    [Fact]
    public async Task AClosedPeriodTakesNoNewEntriesButTheReviewerFinishesWhatWasSubmitted()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var (submitted, draft) = await OpenWithASubmittedValueAndADraftAsync(staff, reviewer, "2018", 5.1m, 40m);
        var before = await ShutAsync(reviewer, "2018", "close", "Hết hạn nhập số liệu 2018");

        await AssertStaffDoorsShutAsync(staff, "2018", draft, 41m, "42", "đã đóng");
        Assert.Equal(before, await SnapshotAsync("laocai", "2018"));

        // The reviewer still approves what was submitted, and writes the report.
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/values/{submitted}/approve", new { }), 200);
        await AssertStatusAsync(await WriteNarrativeAsync(reviewer, "laocai", "2018", "Đánh giá chung năm 2018"), 200);
    }

    [Fact]
    public async Task ALockedPeriodTakesNothingThroughAnyDoor()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var (submitted, draft) = await OpenWithASubmittedValueAndADraftAsync(staff, reviewer, "2019", 5.4m, 45m);
        var narrative = await WriteNarrativeAsync(reviewer, "laocai", "2019", "Bản đã ký");
        var version = (await narrative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
        var before = await ShutAsync(reviewer, "2019", "lock", "Đã chốt số liệu 2019");

        await AssertStaffDoorsShutAsync(staff, "2019", draft, 46m, "47", "đã khóa");
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/values/{submitted}/approve", new { }), 400, "đã khóa");
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/values/{submitted}/return", new { reason = "Sai nguồn" }), 400, "đã khóa");
        await AssertStatusAsync(await WriteNarrativeAsync(reviewer, "laocai", "2019", "Viết lại sau khi khóa", version), 400, "đã khóa");
        Assert.Equal(before, await SnapshotAsync("laocai", "2019"));

        // Another province's same period is its own: still open to its staff once opened there.
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        Assert.Equal("closed", await StateAsync(admin, "phutho", "2019"));
        Assert.Equal("locked", await StateAsync(admin, "laocai", "2019"));
    }

    [Fact]
    public async Task TaskProgressFollowsTheProvincesPeriodOfTheCurrentYear()
    {
        var year = TestClock.VietnamYear.ToString();
        using var staff = await portal.CreateClientForAsync("staff.quangtri@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        var (first, second) = await QuangTriTasksAsync();
        var submitted = await staff.PostAsJsonAsync($"/api/v1/tasks/{first}/progress", new { status = "in-progress", percent = 40, note = "Đang triển khai" });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{first}/progress/submit", new { }), 200);
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{second}/progress", new { status = "in-progress", percent = 10 }), 200);

        await AssertStatusAsync(await ChangeAsync(reviewer, year, "close", "quangtri", "Chốt báo cáo năm"), 200);
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{second}/progress", new { status = "in-progress", percent = 20 }), 400, "đã đóng");
        await AssertStatusAsync(await staff.PostAsync($"/api/v1/tasks/{second}/progress/evidence", Upload(Pdf, "ke-hoach.pdf")), 400, "đã đóng");
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{second}/progress/submit", new { }), 400, "đã đóng");

        await AssertStatusAsync(await ChangeAsync(reviewer, year, "lock", "quangtri", "Khóa sổ"), 200);
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{first}/progress/approve", new { }), 400, "đã khóa");
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{first}/progress/return", new { reason = "Thiếu minh chứng" }), 400, "đã khóa");
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/tasks/{second}/progress", new { status = "in-progress", percent = 30 }), 400, "đã khóa");

        // Closed (not locked): the reviewer finishes the submitted report.
        await AssertStatusAsync(await ChangeAsync(reviewer, year, "close", "quangtri", "Mở khóa để duyệt nốt"), 200);
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{first}/progress/approve", new { }), 200);
        await using var db = Db();
        var reports = await db.TaskReports.AsNoTracking().Where(r => r.TaskId == second).ToListAsync();
        Assert.Equal(10, Assert.Single(reports).Percent);
        Assert.Empty(await db.TaskEvidence.AsNoTracking().Where(e => e.ReportId == reports[0].Id).ToListAsync());
        Assert.Equal(ValueStatus.Approved, (await db.TaskReports.AsNoTracking().SingleAsync(r => r.TaskId == first)).Status);
    }

    /// <summary>Lào Cai's <paramref name="period"/> made and opened, one value submitted in it and another left a draft.</summary>
    private async Task<(int Submitted, int Draft)> OpenWithASubmittedValueAndADraftAsync(
        HttpClient staff, HttpClient reviewer, string period, decimal submittedValue, decimal draftValue)
    {
        await CreateAsync(portal, period);
        await AssertStatusAsync(await ChangeAsync(reviewer, period, "open", "laocai"), 200);
        var submitted = await IdOf(await SaveAsync(staff, "laocai", Indicator, period, submittedValue));
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/values/{submitted}/submit", new { }), 200);
        return (submitted, await IdOf(await SaveAsync(staff, "laocai", OtherIndicator, period, draftValue)));
    }

    /// <summary>
    /// A closed or locked period's doors for staff: a new value, submitting the draft, evidence for it and the import are
    /// each refused, saying <paramref name="why"/>.
    /// </summary>
    private static async Task AssertStaffDoorsShutAsync(HttpClient staff, string period, int draft, decimal value, string importedValue, string why)
    {
        await AssertStatusAsync(await SaveAsync(staff, "laocai", OtherIndicator, period, value), 400, why);
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/values/{draft}/submit", new { }), 400, why);
        await AssertStatusAsync(await staff.PostAsync($"/api/v1/values/{draft}/evidence", Upload(Pdf, "bo-sung.pdf")), 400, why);
        await AssertStatusAsync(await ImportCsvAsync(staff, "laocai", OtherIndicator, period, importedValue), 422, why);
    }

    /// <summary>Lào Cai's reviewer closes or locks the period; what a refusal must not change from then on.</summary>
    private async Task<string> ShutAsync(HttpClient reviewer, string period, string action, string reason)
    {
        await AssertStatusAsync(await ChangeAsync(reviewer, period, action, "laocai", reason), 200);
        return await SnapshotAsync("laocai", period);
    }

    /// <summary>What a refusal must not change: the province's values of the period, their evidence, the narrative.</summary>
    private async Task<string> SnapshotAsync(string unit, string period)
    {
        await using var db = Db();
        var values = await db.Values.AsNoTracking().Where(v => v.UnitCode == unit && v.PeriodCode == period).OrderBy(v => v.Id)
            .Select(v => $"{v.Id}:{v.IndicatorCode}:{v.Revision}:{v.Value}:{v.Status}:{v.Version}").ToListAsync();
        var ids = await db.Values.Where(v => v.UnitCode == unit && v.PeriodCode == period).Select(v => v.Id).ToListAsync();
        var evidence = await db.Evidence.AsNoTracking().CountAsync(e => ids.Contains(e.ValueId));
        var narrative = await db.ReportNarratives.AsNoTracking().Where(n => n.UnitCode == unit && n.PeriodCode == period)
            .Select(n => n.Assessment + "#" + n.Version).SingleOrDefaultAsync();
        return $"{string.Join("|", values)} evidence={evidence} narrative={narrative}";
    }

    private async Task<(int, int)> QuangTriTasksAsync()
    {
        await using var db = Db();
        var ids = await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "quangtri-cthd144" && t.LeadAgencyCode == "skhcn" && !t.IsRetired)
            .OrderBy(t => t.Number).Select(t => t.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));
}
