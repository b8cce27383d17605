using System.Net.Http.Headers;
using System.Text;

namespace KhcnTracker.BrowserTests;

/// <summary>
/// Script typed into every free-text field that is shown back — a value's source and note, a return reason, an evidence
/// file's name, the report's texts — is shown as text on every page that shows it, and never runs.
/// </summary>
public sealed class ScriptInjectionBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Source = "<img src=x onerror=\"window.__xss='source'\">";
    private const string Note = "<script>window.__xss='note'</script>";
    private const string Reason = "<svg onload=\"window.__xss='reason'\"></svg>";
    private const string FileName = "<img src=y onerror=window.__xss=1>.pdf";
    private const string Difficulties = "<iframe src=\"javascript:window.top.__xss='report'\"></iframe>";

    [Fact]
    public async Task ScriptInFreeTextIsShownAsTextAndNeverRuns()
    {
        await SeedAsync();

        var reviewer = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/review");
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Tất cả" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("body")).ToContainTextAsync(Source);
        await AssertNothingRanAsync(reviewer);

        var leader = await session.OpenSignedInAsync("leader.laocai@demo.local", "/progress/units/laocai/indicators/non-cash-payment-share");
        await Assertions.Expect(leader.GetByTestId("value-table")).ToContainTextAsync(Source);
        await Assertions.Expect(leader.GetByTestId("value-table")).ToContainTextAsync(FileName);
        await AssertNothingRanAsync(leader);

        await leader.GotoAsync(session.Portal.RootUrl + "/reports");
        await BrowserSession.WaitForCircuitAsync(leader);
        // The page opens on the latest period (the year itself from December on): choose the half-year written above.
        // On a loaded machine the page's first render can take longer than a click's default wait.
        await Assertions.Expect(leader.GetByTestId("report-period")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await leader.GetByTestId("report-period").ClickAsync(new() { Timeout = 60_000 });
        await leader.GetByRole(AriaRole.Option, new() { Name = "2026-H1" }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("report-difficulties")).ToHaveValueAsync(Difficulties);
        await AssertNothingRanAsync(leader);

        var auditor = await session.OpenSignedInAsync("auditor.laocai@demo.local", "/audit");
        await Assertions.Expect(auditor.GetByTestId("audit-table")).ToContainTextAsync("Lý do trả lại");
        await Assertions.Expect(auditor.GetByTestId("audit-table")).ToContainTextAsync(Reason);
        await AssertNothingRanAsync(auditor);
        await BrowserSession.ScreenshotAsync(auditor, "script-injection-audit");
    }

    private static async Task AssertNothingRanAsync(IPage page)
    {
        Assert.Equal("none", await page.EvaluateAsync<string>("() => String(window.__xss ?? 'none')"));
        Assert.Equal(0, await page.Locator("img[src=x], img[src=y], svg[onload], iframe[src^='javascript']").CountAsync());
    }

    private async Task SeedAsync()
    {
        using var staff = await session.Portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await session.Portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "non-cash-payment-share", period = "2025", value = 55m, source = Source, note = Note });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        (await staff.PostAsync($"/api/v1/values/{id}/evidence", new MultipartFormDataContent { { file, "file", FileName } })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason = Reason })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();
        (await reviewer.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=laocai&period=2026-H1", new { difficulties = Difficulties })).EnsureSuccessStatusCode();
    }
}
