using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// Four eyes for real: a person who holds both the staff and the reviewer role never approves or returns a revision
/// they entered, edited (even when a colleague changed it after them) or submitted — for values and task progress alike.
/// </summary>
public sealed class FourEyesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Both = "both.roles@demo.local";

    private static readonly string[] StepNames = ["entered", "edited", "submitted"];

    public static TheoryData<string> Steps => new(StepNames);

    /// <summary>Someone who reports for the Department of Science and Technology and reviews, in Lào Cai and in Quảng Trị.</summary>
    public async Task InitializeAsync()
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();
        if (await users.FindByEmailAsync(Both) is not null) return;
        var created = await users.CreateAsync(new PortalUserAccount
        {
            UserName = Both, Email = Both, EmailConfirmed = true, DisplayName = "Chuyên viên kiêm thẩm định",
            Grants = ["DepartmentStaff:laocai:skhcn", "Reviewer:laocai", "DepartmentStaff:quangtri:skhcn", "Reviewer:quangtri"],
        }, PortalFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task NobodyReviewsAValueTheyEnteredEditedOrSubmitted(string step)
    {
        var indicator = await IndicatorAsync(Array.IndexOf(StepNames, step));
        var period = TestClock.LastYear;
        using var both = await portal.CreateClientForAsync(Both);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");

        var first = await Json(await (step == "entered" ? both : staff).PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator, period, value = 12m, source = "Cục Thống kê" }));
        var id = first.GetProperty("id").GetInt32();
        if (step == "edited")
        {
            // The dual-role person changes the figure; the colleague changes it back, so the last entry is the colleague's.
            var edited = await Json(await both.PostAsJsonAsync("/api/v1/values",
                new { unit = "laocai", indicator, period, value = 14m, version = first.GetProperty("version").GetUInt32() }));
            await Json(await staff.PostAsJsonAsync("/api/v1/values",
                new { unit = "laocai", indicator, period, value = 12m, version = edited.GetProperty("version").GetUInt32() }));
        }
        await Json(await (step == "submitted" ? both : staff).PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }));

        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }));
        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason = "Tự trả lại." }));
        await using (var db = Db())
        {
            var value = await db.Values.AsNoTracking().SingleAsync(v => v.Id == id);
            Assert.Equal(Domain.Reporting.ValueStatus.Submitted, value.Status);
            Assert.Null(value.ReviewedBy);
            Assert.Contains(Both, value.Authors);
        }

        // Someone else with the reviewer role is not held back.
        await Json(await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task NobodyReviewsTaskProgressTheyEnteredEditedOrSubmitted(string step)
    {
        var task = await QuangTriTaskAsync(Array.IndexOf(StepNames, step));
        using var both = await portal.CreateClientForAsync(Both);
        using var staff = await portal.CreateClientForAsync("staff.quangtri@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");

        var draft = await Json(await (step == "entered" ? both : staff).PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
            new { status = "in-progress", percent = 40, note = "Đang triển khai." }));
        if (step == "edited")
        {
            var edited = await Json(await both.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
                new { version = draft.GetProperty("version").GetUInt32(), status = "in-progress", percent = 60, note = "Đã sửa." }));
            draft = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task}/progress",
                new { version = edited.GetProperty("version").GetUInt32(), status = "in-progress", percent = 40, note = "Đang triển khai." }));
        }
        var submitted = await Json(await (step == "submitted" ? both : staff).PostAsJsonAsync($"/api/v1/tasks/{task}/progress/submit",
            new { version = draft.GetProperty("version").GetUInt32() }));
        var version = submitted.GetProperty("version").GetUInt32();

        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/tasks/{task}/progress/approve", new { version }));
        await AssertForbiddenAsync(await both.PostAsJsonAsync($"/api/v1/tasks/{task}/progress/return", new { reason = "Tự trả lại.", version }));
        var report = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}/progress")).EnumerateArray().Single();
        Assert.Equal("submitted", report.GetProperty("status").GetString());

        await Json(await reviewer.PostAsJsonAsync($"/api/v1/tasks/{task}/progress/approve", new { version }));
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));

    /// <summary>A yearly, typed indicator that Lào Cai's Department of Science and Technology reports; each test takes its own.</summary>
    private async Task<string> IndicatorAsync(int index)
    {
        await using var db = Db();
        var codes = await db.Assignments.Where(a => a.UnitCode == "laocai" && a.AgencyCode == "skhcn").Select(a => a.IndicatorCode).ToListAsync();
        return await db.Indicators.Where(i => codes.Contains(i.Code) && i.Formula == null && !i.IsRetired && i.Measure != Domain.Catalogue.Measure.Milestone)
            .OrderBy(i => i.Code).Select(i => i.Code).Skip(index).FirstAsync();
    }

    private async Task<int> QuangTriTaskAsync(int index)
    {
        await using var db = Db();
        return await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "quangtri-cthd144" && t.LeadAgencyCode == "skhcn" && !t.IsRetired)
            .OrderBy(t => t.Number).Skip(index).Select(t => t.Id).FirstAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
