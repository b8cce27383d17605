using System.Globalization;
using System.Security.Cryptography;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>
/// Saving a value with its evidence and submitting it is one action (<c>POST /api/v1/values/with-evidence</c>, the value
/// dialog): it happens whole, or a refusal leaves the database and the evidence store exactly as they were — counted
/// rows and the files listed before and after.
/// </summary>
public sealed class SaveWithEvidenceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Staff = "staff.laocai@demo.local";

    // Periods relative to the run's clock: last year's is open; this year's is closed and the year before last locked here.
    private static readonly string Open = TestClock.LastYear;
    private static readonly string Closed = $"{TestClock.VietnamYear}";
    private static readonly string Locked = $"{TestClock.VietnamYear - 2}";

    [Fact]
    public async Task TheValueItsFilesAndTheSubmissionAreSavedTogether()
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        var pdf = Pdf();

        var response = await staff.PostAsync("/api/v1/values/with-evidence",
            Form("online-public-service-use", Open, 63.4m, submit: true, version: null, (pdf, "Báo cáo dịch vụ công.pdf")));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var db = Db();
        var value = await db.Values.AsNoTracking().SingleAsync(v => v.Id == id);
        Assert.Equal((ValueStatus.Submitted, 63.4m, Staff), (value.Status, value.Value!.Value, value.SubmittedBy));
        var evidence = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/evidence");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha256, evidence.EnumerateArray().Single().GetProperty("sha256").GetString());
        Assert.Equal("Báo cáo dịch vụ công.pdf", evidence.EnumerateArray().Single().GetProperty("fileName").GetString());
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(portal.EvidenceFolder, sha256[..2], sha256)));
        Assert.DoesNotContain(portal.EvidenceFiles(), f => f.Contains($"{Path.DirectorySeparatorChar}incoming{Path.DirectorySeparatorChar}"));
    }

    [Theory]
    [InlineData("a second file that is not really a PDF", "non-cash-payment-share", HttpStatusCode.BadRequest, "PDF, DOCX, XLSX, PNG hoặc JPEG")]
    [InlineData("a locked period", "digital-economy-grdp-share", HttpStatusCode.BadRequest, "khóa")]
    [InlineData("a closed period", "innovating-enterprise-share", HttpStatusCode.BadRequest, "đóng")]
    [InlineData("a stale version", "ip-commercialisation-share", HttpStatusCode.Conflict, "57,5")]
    [InlineData("submit on an empty value", "online-public-service-use", HttpStatusCode.BadRequest, "Hãy nhập giá trị")]
    [InlineData("a file name too long", "non-cash-payment-share", HttpStatusCode.BadRequest, "Tên tệp")]
    public async Task ARefusedSaveWithEvidenceLeavesNoRowAndNoFile(string refusal, string indicator, HttpStatusCode expected, string message)
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        var period = refusal switch { "a locked period" => Locked, "a closed period" => Closed, _ => Open };
        uint? version = null;
        if (refusal == "a locked period") await SetStateAsync(Locked, PeriodState.Locked);
        if (refusal == "a closed period") await SetStateAsync(Closed, PeriodState.Closed);
        if (refusal == "a stale version")
        {
            // Read at version 1; meanwhile the draft became 57,5.
            var first = await Json(await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period, value = 55m }));
            version = first.GetProperty("version").GetUInt32();
            await Json(await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period, value = 57.5m, version }));
        }
        var files = new List<(byte[], string)> { (Pdf(), refusal == "a file name too long" ? new string('x', 300) + ".pdf" : "minh-chung.pdf") };
        if (refusal.Contains("not really a PDF")) files.Add((Encoding.UTF8.GetBytes("<script>alert('không phải PDF')</script>"), "bang-so-lieu.pdf"));
        decimal? value = refusal == "submit on an empty value" ? null : 61m;
        var before = await StateAsync();

        var response = await staff.PostAsync("/api/v1/values/with-evidence", Form(indicator, period, value, submit: true, version, [.. files]));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var after = await StateAsync();
        Assert.Equal(before.Values, after.Values);
        Assert.Equal(before.Evidence, after.Evidence);
        Assert.Equal(before.Files, after.Files);
        await using var db = Db();
        var latest = await db.Values.AsNoTracking().Where(v => v.UnitCode == "laocai" && v.IndicatorCode == indicator && v.PeriodCode == period)
            .OrderByDescending(v => v.Revision).FirstOrDefaultAsync();
        if (refusal == "a stale version") Assert.Equal((57.5m, ValueStatus.Draft), (latest!.Value!.Value, latest.Status));
        else Assert.Null(latest);
    }

    [Fact]
    public async Task TheJsonSaveCanSubmitInTheSameActionAndRefusesAnEmptyValue()
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        var before = await StateAsync();
        var empty = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "innovating-enterprise-share", period = Open, submit = true });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before.Values, (await StateAsync()).Values);

        var saved = await Json(await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "innovating-enterprise-share", period = Open, value = 41m, submit = true }));
        await using var db = Db();
        Assert.Equal(ValueStatus.Submitted, (await db.Values.AsNoTracking().SingleAsync(v => v.Id == saved.GetProperty("id").GetInt32())).Status);
    }

    [Theory]
    [InlineData("a file that is not really a PDF", 1)]
    [InlineData("a stale version", 2)]
    public async Task ARefusedProgressReportWithEvidenceLeavesNoRowAndNoFile(string refusal, int taskIndex)
    {
        using var staff = await portal.CreateClientForAsync("staff.quangtri@demo.local");
        int task;
        await using (var db = Db())
            task = await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "quangtri-cthd144" && t.LeadAgencyCode == "skhcn" && !t.IsRetired)
                .OrderBy(t => t.Number).Skip(taskIndex).Select(t => t.Id).FirstAsync();
        uint? version = null;
        if (refusal == "a stale version")
        {
            var first = await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { status = "in-progress", percent = 20 }));
            version = first.GetProperty("version").GetUInt32();
            await Json(await staff.PostAsJsonAsync($"/api/v1/tasks/{task}/progress", new { status = "in-progress", percent = 30, version }));
        }
        var file = refusal == "a stale version" ? Pdf() : Encoding.UTF8.GetBytes("không phải PDF");
        var before = await TaskStateAsync();

        var form = new MultipartFormDataContent
        {
            { new StringContent("done"), "status" }, { new StringContent("100"), "percent" }, { new StringContent("true"), "submit" },
            { new ByteArrayContent(Pdf()), "files", "quyet-dinh.pdf" }, { new ByteArrayContent(file), "files", "bien-ban.pdf" },
        };
        if (version is { } v) form.Add(new StringContent(v.ToString(CultureInfo.InvariantCulture)), "version");
        var response = await staff.PostAsync($"/api/v1/tasks/{task}/progress/with-evidence", form);

        Assert.Equal(refusal == "a stale version" ? HttpStatusCode.Conflict : HttpStatusCode.BadRequest, response.StatusCode);
        var after = await TaskStateAsync();
        Assert.Equal(before.Reports, after.Reports);
        Assert.Equal(before.Evidence, after.Evidence);
        Assert.Equal(before.Files, after.Files);
        var reports = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}/progress")).EnumerateArray().ToList();
        if (refusal == "a stale version") Assert.Equal("draft", reports.Single().GetProperty("status").GetString());
        else Assert.Empty(reports);
    }

    [Fact]
    public async Task AProgressReportItsFilesAndTheSubmissionAreSavedTogether()
    {
        using var staff = await portal.CreateClientForAsync("staff.quangtri@demo.local");
        int task;
        await using (var db = Db())
            task = await db.Tasks.AsNoTracking().Where(t => t.DocumentCode == "quangtri-cthd144" && t.LeadAgencyCode == "skhcn" && !t.IsRetired)
                .OrderBy(t => t.Number).Select(t => t.Id).FirstAsync();
        var form = new MultipartFormDataContent
        {
            { new StringContent("done"), "status" }, { new StringContent("100"), "percent" }, { new StringContent("true"), "submit" },
            { new StringContent("Đã ban hành."), "note" }, { new ByteArrayContent(Pdf()), "files", "quyet-dinh.pdf" },
        };

        var saved = await Json(await staff.PostAsync($"/api/v1/tasks/{task}/progress/with-evidence", form));

        var report = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{task}/progress")).EnumerateArray().Single();
        Assert.Equal(("submitted", 100), (report.GetProperty("status").GetString(), report.GetProperty("percent").GetInt32()));
        var files = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/progress/{saved.GetProperty("id").GetInt32()}/evidence");
        Assert.Equal("quyet-dinh.pdf", files.EnumerateArray().Single().GetProperty("fileName").GetString());
    }

    private async Task<(int Reports, int Evidence, IReadOnlyList<string> Files)> TaskStateAsync()
    {
        await using var db = Db();
        return (await db.TaskReports.CountAsync(), await db.TaskEvidence.CountAsync(), portal.EvidenceFiles());
    }

    private Task SetStateAsync(string period, PeriodState state) =>
        ReportingSteps.SetPeriodStateAsync(portal.ConnectionString, "laocai", period, state);

    private async Task<(int Values, int Evidence, IReadOnlyList<string> Files)> StateAsync()
    {
        await using var db = Db();
        return (await db.Values.CountAsync(), await db.Evidence.CountAsync(), portal.EvidenceFiles());
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));

    /// <summary>A PDF of its own (new bytes, so a file left behind would be a new file in the store).</summary>
    private static byte[] Pdf() => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    internal static MultipartFormDataContent Form(string indicator, string period, decimal? value, bool submit, uint? version, params (byte[] Bytes, string Name)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("laocai"), "unit" },
            { new StringContent(indicator), "indicator" },
            { new StringContent(period), "period" },
            { new StringContent("Cục Thống kê"), "source" },
            { new StringContent(submit ? "true" : "false"), "submit" },
        };
        if (value is { } v) form.Add(new StringContent(v.ToString(CultureInfo.InvariantCulture)), "value");
        if (version is { } ver) form.Add(new StringContent(ver.ToString(CultureInfo.InvariantCulture)), "version");
        foreach (var (bytes, name) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // what the client claims is never trusted
            form.Add(file, "files", name);
        }
        return form;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
