using static KhcnTracker.IntegrationTests.Periods.PeriodApi;

namespace KhcnTracker.IntegrationTests.Periods;

/// <summary>
/// Periods as officials run them (decision 0009): administrators define them; each province's reviewer opens, closes,
/// locks and reopens its own, with a reason, each change in the audit trail; nobody else's province is touched.
/// </summary>
public sealed class PeriodTransitionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAdministratorCreatesAPastPeriodThatStartsClosedEverywhereAndOpensItForOneProvince()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");

        var created = await admin.PostAsJsonAsync("/api/v1/periods", new { code = "2021", dueDate = "2022-01-31" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var period = await PeriodAsync(admin, "laocai", "2021");
        Assert.Equal("2022-01-31", period.GetProperty("dueDate").GetString());
        Assert.Equal("closed", period.GetProperty("state").GetString());

        await AssertStatusAsync(await ChangeAsync(admin, "2021", "open", "phutho", "Nhập số liệu gốc năm 2021"), 200);
        Assert.Equal("open", await StateAsync(admin, "phutho", "2021"));
        Assert.Equal("closed", await StateAsync(reviewer, "laocai", "2021"));

        // The same code twice, a year before 2015, a due date before the period ends, and a reviewer creating: refused, nothing made.
        await AssertStatusAsync(await admin.PostAsJsonAsync("/api/v1/periods", new { code = "2021", dueDate = "2022-02-28" }), 400, "đã có");
        await AssertStatusAsync(await admin.PostAsJsonAsync("/api/v1/periods", new { code = "2014", dueDate = "2015-01-31" }), 400, "2015");
        await AssertStatusAsync(await admin.PostAsJsonAsync("/api/v1/periods", new { code = "2019-H1", dueDate = "2019-05-31" }), 400, "Hạn nộp");
        await AssertStatusAsync(await reviewer.PostAsJsonAsync("/api/v1/periods", new { code = "2018", dueDate = "2019-01-31" }), 403);
        var codes = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/periods?unit=laocai")).EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("2014", codes);
        Assert.DoesNotContain("2019-H1", codes);
        Assert.DoesNotContain("2018", codes);
        Assert.Equal("2022-01-31", (await PeriodAsync(admin, "laocai", "2021")).GetProperty("dueDate").GetString());

        // The baseline year: 2015 is the first a period may cover; its due date is the administrator's to move.
        await CreateAsync(portal, "2015");
        var moved = await admin.PutAsJsonAsync("/api/v1/periods/2015/due-date", new { dueDate = "2016-03-31" });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Equal("2016-03-31", (await PeriodAsync(reviewer, "laocai", "2015")).GetProperty("dueDate").GetString());
        await AssertStatusAsync(await reviewer.PutAsJsonAsync("/api/v1/periods/2015/due-date", new { dueDate = "2016-04-30" }), 403);
    }

    [Fact]
    public async Task TheProvincesReviewerRunsItsOwnPeriodWithAReasonAndEveryChangeIsAudited()
    {
        await CreateAsync(portal, "2017");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        using var otherReviewer = await portal.CreateClientForAsync("reviewer.phutho@demo.local");
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        Assert.Equal("closed", await StateAsync(reviewer, "laocai", "2017"));

        await AssertStatusAsync(await ChangeAsync(reviewer, "2017", "open", "laocai", "Nhập số liệu lịch sử"), 200);
        Assert.Equal("open", await StateAsync(reviewer, "laocai", "2017"));
        await AssertStatusAsync(await ChangeAsync(reviewer, "2017", "close", "laocai", "Hết hạn nhập"), 200);
        Assert.Equal("closed", await StateAsync(reviewer, "laocai", "2017"));
        await AssertStatusAsync(await ChangeAsync(reviewer, "2017", "lock", "laocai", "Đã chốt số liệu"), 200);
        var locked = await PeriodAsync(reviewer, "laocai", "2017");
        Assert.Equal("locked", locked.GetProperty("state").GetString());
        Assert.Equal("Đã chốt số liệu", locked.GetProperty("reason").GetString());
        Assert.Equal("reviewer.laocai@demo.local", locked.GetProperty("changedBy").GetString());
        await AssertStatusAsync(await ChangeAsync(reviewer, "2017", "reopen", "laocai", "Cục Thống kê sửa số liệu"), 200);
        Assert.Equal("open", await StateAsync(reviewer, "laocai", "2017"));

        // Refusals: no reason, the state it is already in, another province's reviewer, staff — none changes anything.
        await AssertStatusAsync(await ChangeAsync(reviewer, "2017", "close", "laocai", " "), 400, "lý do");
        await AssertStatusAsync(await ChangeAsync(reviewer, "2017", "open", "laocai"), 400, "đang mở");
        await AssertStatusAsync(await ChangeAsync(otherReviewer, "2017", "close", "laocai"), 403);
        await AssertStatusAsync(await ChangeAsync(otherReviewer, "2017", "lock", "laocai"), 403);
        await AssertStatusAsync(await ChangeAsync(staff, "2017", "close", "laocai"), 403);
        await AssertStatusAsync(await ChangeAsync(reviewer, "2099", "close", "laocai"), 404);
        Assert.Equal("open", await StateAsync(reviewer, "laocai", "2017"));

        // The administrator runs any province's period; the other province's state is its own.
        await AssertStatusAsync(await ChangeAsync(admin, "2017", "lock", "phutho", "Chốt sổ toàn tỉnh"), 200);
        Assert.Equal("locked", await StateAsync(admin, "phutho", "2017"));
        Assert.Equal("open", await StateAsync(admin, "laocai", "2017"));

        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var trail = await db.AuditLog.AsNoTracking().Where(a => a.Entity == "unit_period" && a.EntityKey == "laocai/2017")
            .OrderBy(a => a.Sequence).ToListAsync();
        // Made with the period (by the administrator), then open, close, lock, reopen by the reviewer.
        Assert.Equal(5, trail.Count);
        Assert.All(trail.Skip(1), a => Assert.Equal("reviewer.laocai@demo.local", a.Actor));
        Assert.Contains("Hết hạn nhập", trail[2].Changes);
        Assert.Contains("Đã chốt số liệu", trail[3].Changes);
        Assert.Contains("Cục Thống kê sửa số liệu", trail[4].Changes);
        Assert.Single(await db.AuditLog.AsNoTracking().Where(a => a.Entity == "unit_period" && a.EntityKey == "phutho/2017" && a.Action == "update").ToListAsync());
    }
}
