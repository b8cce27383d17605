using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>
/// The reviewer's list with its context (old → new, the change in per cent, the comment, the evidence inline) and
/// approving or returning several values at once: one transaction, all or nothing — a stale value, one the reviewer
/// entered, or another province's refuses the whole batch and writes no row and no audit entry.
/// </summary>
public sealed class ReviewBatchTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Unit = "laocai";
    private const string Both = "review.both@demo.local";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    private static readonly string Period = TestClock.LastYear;

    /// <summary>Someone who reports for Lào Cai's Department of Science and Technology and also reviews Lào Cai.</summary>
    public async Task InitializeAsync()
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();
        if (await users.FindByEmailAsync(Both) is not null) return;
        var created = await users.CreateAsync(new PortalUserAccount
        {
            UserName = Both, Email = Both, EmailConfirmed = true, DisplayName = "Chuyên viên kiêm thẩm định",
            Grants = ["DepartmentStaff:laocai:skhcn", "Reviewer:laocai"],
        }, PortalFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FiveValuesAreApprovedInOneActionAfterTheListShowedOldToNewTheCommentAndTheEvidence()
    {
        var codes = await IndicatorsAsync(0, 5);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        // The first has an approved revision (10) and comes back revised to 12,5 with a comment; the others are first values.
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", Unit, codes[0], Period, 10m);
        var revised = await SubmitAsync(staff, codes[0], 12.5m, note: "Theo niên giám thống kê, số liệu chính thức.");
        var others = new List<int>();
        for (var n = 1; n < 5; n++) others.Add(await SubmitAsync(staff, codes[n], 20m + n, evidence: n == 1));

        var queue = (await QueueAsync(Reviewer())).Where(r => codes.Contains(r.Value.Indicator)).ToList();
        Assert.Equal(5, queue.Count);
        var first = queue.Single(r => r.Value.Indicator == codes[0]);
        Assert.Equal(revised, first.Value.Id);
        Assert.Equal(2, first.Value.Revision);
        Assert.Equal((1, 10m, 12.5m, 25m), (first.PreviousRevision, first.PreviousValue, first.Value.Value, first.ChangePercent));
        Assert.Equal("Theo niên giám thống kê, số liệu chính thức.", first.Value.Note);
        Assert.Equal("skhcn", first.Agency);
        Assert.Equal("Sở Khoa học và Công nghệ", first.AgencyNameVi);
        foreach (var row in queue.Where(r => r.Value.Indicator != codes[0]))
            Assert.Equal((null, null, null), (row.PreviousRevision, row.PreviousValue, row.ChangePercent));
        var file = Assert.Single(queue.Single(r => r.Value.Indicator == codes[1]).Evidence);
        Assert.Equal(EvidenceKind.Pdf, file.ContentType);

        // The evidence is served inline for the preview (still only to readers), sandboxed; the plain link downloads.
        var inline = await reviewer.GetAsync($"/api/v1/evidence/{file.Id}?inline=true");
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", inline.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", inline.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(inline.Headers.CacheControl?.NoStore);
        Assert.Equal(Pdf, await inline.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", (await reviewer.GetAsync($"/api/v1/evidence/{file.Id}")).Content.Headers.ContentDisposition?.DispositionType);
        using var foreign = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/evidence/{file.Id}?inline=true")).StatusCode);

        var before = await ValueAuditCountAsync();
        var approved = await reviewer.PostAsJsonAsync("/api/v1/values/approve",
            new { items = queue.Select(r => new { id = r.Value.Id, version = r.Value.Version }) });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(5, (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());

        await using var db = Db();
        var ids = queue.Select(r => r.Value.Id).ToList();
        var values = await db.Values.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync();
        Assert.All(values, v => Assert.Equal((ValueStatus.Approved, "reviewer.laocai@demo.local"), (v.Status, v.ReviewedBy)));
        Assert.Equal(before + 5, await ValueAuditCountAsync());
        Assert.DoesNotContain(await QueueAsync(Reviewer()), r => codes.Contains(r.Value.Indicator));
        // The history of the revised value shows both approved revisions, old and new.
        var history = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values/{revised}/history")).EnumerateArray().ToList();
        Assert.Equal([10m, 12.5m], history.Select(h => h.GetProperty("value").GetDecimal()));
        Assert.All(history, h => Assert.Equal("approved", h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AValueChangedMeanwhileRefusesTheWholeBatchAndWritesNothing()
    {
        var codes = await IndicatorsAsync(5, 3);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        foreach (var (code, n) in codes.Select((c, n) => (c, n))) await SubmitAsync(staff, code, 30m + n);
        var queue = (await QueueAsync(Reviewer())).Where(r => codes.Contains(r.Value.Indicator)).ToList();
        // Another reviewer returns the second value after this list was read.
        var changed = queue[1].Value;
        Assert.True((await reviewer.PostAsJsonAsync($"/api/v1/values/{changed.Id}/return", new { reason = "Thiếu nguồn.", version = changed.Version })).IsSuccessStatusCode);
        var before = await ValueAuditCountAsync();

        var response = await reviewer.PostAsJsonAsync("/api/v1/values/approve", new { items = queue.Select(r => new { id = r.Value.Id, version = r.Value.Version }) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("Không số liệu nào được thẩm định", detail);
        Assert.Contains(changed.Indicator, detail);
        await AssertUntouchedAsync(before, queue.Where(r => r.Value.Id != changed.Id).Select(r => r.Value.Id));
    }

    [Fact]
    public async Task AValueTheReviewerEnteredRefusesTheWholeBatch_TheDomainsFourEyes()
    {
        var codes = await IndicatorsAsync(8, 3);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var both = await portal.CreateClientForAsync(Both);
        var own = await SubmitAsync(both, codes[0], 40m);
        var theirs = new[] { await SubmitAsync(staff, codes[1], 41m), await SubmitAsync(staff, codes[2], 42m) };
        var queue = (await QueueAsync(new TestCaller(Both, new RoleGrant(Role.Reviewer, Unit)))).Where(r => codes.Contains(r.Value.Indicator)).ToList();
        Assert.Equal(3, queue.Count);
        var before = await ValueAuditCountAsync();

        var response = await both.PostAsJsonAsync("/api/v1/values/approve", new { items = queue.Select(r => new { id = r.Value.Id, version = r.Value.Version }) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("Không số liệu nào được thẩm định", detail);
        Assert.Contains(codes[0], detail);
        Assert.Contains("do chính mình", detail);
        await AssertUntouchedAsync(before, [own, .. theirs]);

        // The same batch without their own value goes through.
        var rest = queue.Where(r => r.Value.Id != own).Select(r => new { id = r.Value.Id, version = r.Value.Version });
        Assert.Equal(HttpStatusCode.OK, (await both.PostAsJsonAsync("/api/v1/values/approve", new { items = rest })).StatusCode);
    }

    [Fact]
    public async Task AnotherProvincesValueInTheBatchAnswersAsMissingAndNothingIsWritten()
    {
        var codes = await IndicatorsAsync(11, 2);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var quangTriStaff = await portal.CreateClientForAsync("staff2.quangtri@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var mine = await SubmitAsync(staff, codes[0], 50m);
        var foreignId = await SubmitAsync(quangTriStaff, await QuangTriIndicatorAsync(), 51m, unit: "quangtri");
        var versions = await VersionsAsync(mine, foreignId);
        var before = await ValueAuditCountAsync();

        var approve = await reviewer.PostAsJsonAsync("/api/v1/values/approve",
            new { items = new[] { new { id = mine, version = versions[mine] }, new { id = foreignId, version = versions[foreignId] } } });
        var returned = await reviewer.PostAsJsonAsync("/api/v1/values/return",
            new { items = new[] { new { id = mine, version = versions[mine] }, new { id = foreignId, version = versions[foreignId] } }, reason = "Sai." });

        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, returned.StatusCode);
        Assert.DoesNotContain("51", await approve.Content.ReadAsStringAsync());
        await AssertUntouchedAsync(before, [mine, foreignId]);
        // Staff never review, not even in a batch; an empty batch is refused with its reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/values/approve",
            new { items = new[] { new { id = mine, version = versions[mine] } } })).StatusCode);
        var empty = await reviewer.PostAsJsonAsync("/api/v1/values/approve", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Hãy chọn ít nhất một số liệu.", await empty.Content.ReadAsStringAsync());
        await AssertUntouchedAsync(before, [mine, foreignId]);
    }

    [Fact]
    public async Task SeveralValuesAreReturnedWithOneReasonInOneAction()
    {
        var codes = await IndicatorsAsync(13, 2);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var ids = new[] { await SubmitAsync(staff, codes[0], 60m), await SubmitAsync(staff, codes[1], 61m) };
        var versions = await VersionsAsync(ids);

        var noReason = await reviewer.PostAsJsonAsync("/api/v1/values/return", new { items = ids.Select(id => new { id, version = versions[id] }), reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var response = await reviewer.PostAsJsonAsync("/api/v1/values/return",
            new { items = ids.Select(id => new { id, version = versions[id] }), reason = "Thiếu minh chứng của Cục Thống kê." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var values = await db.Values.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync();
        Assert.All(values, v => Assert.Equal((ValueStatus.Returned, "Thiếu minh chứng của Cục Thống kê."), (v.Status, v.ReturnReason)));
    }

    private static TestCaller Reviewer() => new("reviewer.laocai@demo.local", new RoleGrant(Role.Reviewer, Unit));

    private async Task<IReadOnlyList<ReviewRow>> QueueAsync(TestCaller caller)
    {
        using var scope = portal.Services.CreateScope();
        return await ActivatorUtilities.CreateInstance<ListReviewQueue>(scope.ServiceProvider, caller).HandleAsync();
    }

    /// <summary>Staff save and submit a figure (with a PDF as evidence when asked); its id.</summary>
    private async Task<int> SubmitAsync(HttpClient client, string indicator, decimal value, string? note = null, bool evidence = false, string unit = Unit)
    {
        var saved = await client.PostAsJsonAsync("/api/v1/values", new { unit, indicator, period = Period, value, source = "Cục Thống kê", note });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        if (evidence)
        {
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var attached = await client.PostAsync($"/api/v1/values/{id}/evidence", new MultipartFormDataContent { { file, "file", "bao-cao.pdf" } });
            Assert.True(attached.IsSuccessStatusCode, await attached.Content.ReadAsStringAsync());
        }
        var submitted = await client.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>No row changed (each still submitted, reviewed by nobody) and no audit entry was written.</summary>
    private async Task AssertUntouchedAsync(long auditBefore, IEnumerable<int> ids)
    {
        var list = ids.ToList();
        Assert.Equal(auditBefore, await ValueAuditCountAsync());
        await using var db = Db();
        var values = await db.Values.AsNoTracking().Where(v => list.Contains(v.Id)).ToListAsync();
        Assert.Equal(list.Count, values.Count);
        Assert.All(values, v => Assert.Equal((ValueStatus.Submitted, (string?)null), (v.Status, v.ReviewedBy)));
    }

    private async Task<Dictionary<int, uint>> VersionsAsync(params int[] ids)
    {
        await using var db = Db();
        return await db.Values.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Version);
    }

    private async Task<long> ValueAuditCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        return (long)(await new Npgsql.NpgsqlCommand("SELECT count(*) FROM audit_log WHERE entity = 'value'", connection).ExecuteScalarAsync())!;
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));

    /// <summary>Yearly, typed indicators that Lào Cai's Department of Science and Technology reports; each test takes its own.</summary>
    private async Task<IReadOnlyList<string>> IndicatorsAsync(int skip, int take)
    {
        await using var db = Db();
        var codes = await db.Assignments.Where(a => a.UnitCode == Unit && a.AgencyCode == "skhcn").Select(a => a.IndicatorCode).ToListAsync();
        var found = await db.Indicators.Where(i => codes.Contains(i.Code) && i.Formula == null && !i.IsRetired
                                                   && i.Measure != Domain.Catalogue.Measure.Milestone && i.Measure != Domain.Catalogue.Measure.Rank)
            .OrderBy(i => i.Code).Select(i => i.Code).Skip(skip).Take(take).ToListAsync();
        Assert.Equal(take, found.Count);
        return found;
    }

    private async Task<string> QuangTriIndicatorAsync()
    {
        await using var db = Db();
        var codes = await db.Assignments.Where(a => a.UnitCode == "quangtri" && a.AgencyCode == "stc").Select(a => a.IndicatorCode).ToListAsync();
        return await db.Indicators.Where(i => codes.Contains(i.Code) && i.Formula == null && !i.IsRetired
                                                   && i.Measure != Domain.Catalogue.Measure.Milestone && i.Measure != Domain.Catalogue.Measure.Rank)
            .OrderBy(i => i.Code).Select(i => i.Code).FirstAsync();
    }
}
