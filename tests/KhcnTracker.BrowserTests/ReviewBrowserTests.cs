using System.Globalization;
using System.Text;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.BrowserTests;

/// <summary>
/// The reviewer's day (issue #16 item 2): the list grouped by agency and period shows old → new on a revised value,
/// a PDF opens inline (pdf.js draws it on a canvas: Chromium headless has no PDF plugin), five values are chosen and
/// approved in one action after a confirmation that names them, and the list and the value's history show it.
/// </summary>
public sealed class ReviewBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Unit = "laocai";
    private static readonly string Period = TestClock.LastYear;

    [Fact]
    public async Task TheReviewerSeesOldToNewAndAnInlinePdfThenApprovesFiveAtOnce()
    {
        var (codes, names, revisedId) = await SeedAsync();

        var reviewer = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/review");
        var list = reviewer.GetByTestId("review-table");
        var group = list.GetByTestId("review-group").Filter(new() { HasText = "Sở Khoa học và Công nghệ" }).Filter(new() { HasText = Period });
        await Assertions.Expect(group.GetByTestId("group-toggle")).ToContainTextAsync("5 số liệu");
        var revised = Row(reviewer, codes[0]);
        await Assertions.Expect(revised.Locator(".review-old")).ToContainTextAsync("10");
        await Assertions.Expect(revised.Locator(".review-new")).ToContainTextAsync("12,5");
        await Assertions.Expect(revised.GetByTestId("old-new")).ToContainTextAsync("→");
        await Assertions.Expect(revised.GetByTestId("old-new")).ToContainTextAsync("+25 %");
        await Assertions.Expect(revised.GetByTestId("review-note")).ToHaveTextAsync("Đã thay bằng số liệu chính thức của niên giám.");
        await Assertions.Expect(Row(reviewer, codes[2]).GetByTestId("old-new")).ToContainTextAsync("Số liệu đầu tiên");
        await BrowserSession.ScreenshotAsync(reviewer, "review-grouped-old-new");

        // The PDF opens in the page: pdf.js draws both pages, and the canvas is not blank — under the portal's own CSP.
        var refused = new List<string>();
        reviewer.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) refused.Add(message.Text); };
        await Row(reviewer, codes[1]).GetByTestId("evidence-preview").ClickAsync();
        var preview = reviewer.GetByTestId("pdf-preview");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-rendered", "2", new() { Timeout = 30_000 });
        await Assertions.Expect(reviewer.GetByTestId("pdf-page-count")).ToContainTextAsync("2 trang");
        var inked = await preview.EvaluateAsync<int>("""
            el => {
                const canvas = el.querySelector('canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let dark = 0;
                for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 128 && data[i + 1] < 128) dark++;
                return dark;
            }
            """);
        Assert.True(inked > 1000, $"the first page's canvas has {inked} dark pixels: pdf.js drew nothing");
        Assert.Empty(refused);
        await BrowserSession.ScreenshotAsync(reviewer, "review-evidence-pdf-inline");
        await reviewer.GetByTestId("preview-close").ClickAsync();
        await Assertions.Expect(preview).ToHaveCountAsync(0);

        // On a phone the list reflows into cards: no sideways scroll.
        var phone = await OpenOnPhoneAsync();
        await Assertions.Expect(phone.GetByTestId("review-group").First).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the review page scrolls sideways at 390×844");
        await BrowserSession.ScreenshotAsync(phone, "review-phone-390");
        // The same in English: the words and the indicator names switch, and it still fits.
        await phone.GotoAsync(session.Portal.RootUrl + "/culture?name=en-US&redirect=%2Freview");
        await BrowserSession.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.GetByTestId("approve-selected")).ToContainTextAsync("Approve selected (0)");
        await Assertions.Expect(phone.GetByTestId("group-toggle").First).ToContainTextAsync("5 values");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the English review page scrolls sideways at 390×844");
        await BrowserSession.ScreenshotAsync(phone, "review-phone-390-en");
        await phone.Context.CloseAsync();

        // Five chosen; the confirmation names each (province, indicator, period, figure); one action approves them all.
        foreach (var code in codes) await Row(reviewer, code).GetByTestId("select-row").CheckAsync();
        await Assertions.Expect(reviewer.GetByTestId("approve-selected")).ToContainTextAsync("(5)");
        await reviewer.GetByTestId("approve-selected").ClickAsync();
        var items = reviewer.GetByTestId("review-confirm-item");
        await Assertions.Expect(items).ToHaveCountAsync(5);
        for (var n = 0; n < codes.Count; n++)
        {
            var item = items.Filter(new() { HasText = names[n] });
            await Assertions.Expect(item).ToContainTextAsync("Lào Cai");
            await Assertions.Expect(item).ToContainTextAsync(Period);
            await Assertions.Expect(item).ToContainTextAsync(n == 0 ? "12,5" : Figure(20m + n));
        }
        await BrowserSession.ScreenshotAsync(reviewer, "review-confirm-five");
        await reviewer.GetByTestId("review-confirm").ClickAsync();
        await Assertions.Expect(reviewer.GetByText("Đã phê duyệt 5 số liệu.")).ToBeVisibleAsync();
        foreach (var code in codes) await Assertions.Expect(Row(reviewer, code)).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(reviewer, "review-approved-five");

        // The list of all values shows them approved, and the revised value's history both approved revisions.
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Tất cả số liệu" }).ClickAsync();
        var all = reviewer.GetByTestId("values-table").Locator("tbody tr");
        foreach (var name in names)
            await Assertions.Expect(all.Filter(new() { HasText = name }).Filter(new() { HasText = Period }).Last).ToContainTextAsync("Đã phê duyệt");
        await all.Filter(new() { HasText = names[0] }).Filter(new() { HasText = "12,5" }).GetByTestId("history").ClickAsync();
        var history = reviewer.GetByTestId("value-history");
        await Assertions.Expect(history.Locator("[data-kind=approved]")).ToHaveCountAsync(2);
        await BrowserSession.ScreenshotAsync(reviewer, "review-history-after");

        await using var db = new AppDbContext(TestPostgres.Options(session.Portal.ConnectionString));
        Assert.Equal("reviewer.laocai@demo.local", (await db.Values.AsNoTracking().SingleAsync(v => v.Id == revisedId)).ReviewedBy);
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"tr.review-row-{code}-{Period}");

    private static string Figure(decimal value) => value.ToString("#,##0.####", CultureInfo.GetCultureInfo("vi-VN"));

    private async Task<IPage> OpenOnPhoneAsync()
    {
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "vi-VN", IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.Portal.RootUrl + "/account/login?returnUrl=%2Freview");
        await BrowserSession.WaitForCircuitAsync(page);
        await BrowserSession.SignInAsync(page, "reviewer.laocai@demo.local", PortalFactory.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await BrowserSession.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Five values of Lào Cai's Department of Science and Technology waiting for review, through the API: the first
    /// approved at 10 and revised to 12,5 with a comment, the second with a two-page PDF, the rest first values.
    /// </summary>
    private async Task<(IReadOnlyList<string> Codes, IReadOnlyList<string> Names, int RevisedId)> SeedAsync()
    {
        List<(string Code, string Name)> indicators;
        await using (var db = new AppDbContext(TestPostgres.Options(session.Portal.ConnectionString)))
        {
            var assigned = await db.Assignments.Where(a => a.UnitCode == Unit && a.AgencyCode == "skhcn").Select(a => a.IndicatorCode).ToListAsync();
            indicators = (await db.Indicators.Where(i => assigned.Contains(i.Code) && i.Formula == null && !i.IsRetired
                                                         && i.Measure != Domain.Catalogue.Measure.Milestone && i.Measure != Domain.Catalogue.Measure.Rank)
                    .OrderBy(i => i.Code).Select(i => new { i.Code, i.NameVi }).Take(5).ToListAsync())
                .Select(i => (i.Code, i.NameVi)).ToList();
        }
        Assert.Equal(5, indicators.Count);
        var portal = session.Portal;
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", Unit, indicators[0].Code, Period, 10m);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var revisedId = await SubmitAsync(staff, indicators[0].Code, 12.5m, "Đã thay bằng số liệu chính thức của niên giám.");
        for (var n = 1; n < 5; n++) await SubmitAsync(staff, indicators[n].Code, 20m + n, null, n == 1 ? TwoPagePdf() : null);
        return ([.. indicators.Select(i => i.Code)], [.. indicators.Select(i => i.Name)], revisedId);
    }

    private static async Task<int> SubmitAsync(HttpClient staff, string indicator, decimal value, string? note, byte[]? pdf = null)
    {
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = Unit, indicator, period = Period, value, source = "Cục Thống kê", note });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        if (pdf is not null)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new("application/pdf");
            var attached = await staff.PostAsync($"/api/v1/values/{id}/evidence", new MultipartFormDataContent { { file, "file", "bao-cao-so-lieu.pdf" } });
            Assert.True(attached.IsSuccessStatusCode, await attached.Content.ReadAsStringAsync());
        }
        var submitted = await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A real two-page PDF (A4, a dark bar and a line of text on each page) with a correct cross-reference table.</summary>
    private static byte[] TwoPagePdf()
    {
        string Page(int n) => $"0.1 0.2 0.4 rg 60 700 475 60 re f BT /F1 28 Tf 0 0 0 rg 60 640 Td (Bao cao so lieu - trang {n}) Tj ET";
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>",
            $"<< /Length {Page(1).Length} >>\nstream\n{Page(1)}\nendstream",
            $"<< /Length {Page(2).Length} >>\nstream\n{Page(2)}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
