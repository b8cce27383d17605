using System.Globalization;
using System.Text.RegularExpressions;

namespace KhcnTracker.BrowserTests;

/// <summary>
/// The small things a person notices on every page (issue #16, items 4 and 5): the not-found and error pages inside the
/// portal's frame in both languages, the favicon, every time in Vietnam's time
/// with its zone, English names under the English switch, a main landmark, a visible focus ring, readable status chips.
/// </summary>
public sealed partial class EverydayPagesBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Indicator = "online-public-service-use";
    private const string IndicatorVi = "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp";
    private const string IndicatorEn = "Use of online public services by people and businesses";

    [Fact]
    public async Task AnUnknownAddressAnswersInsideThePortalsFrame_InVietnamese_ThenInEnglish()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync(session.Portal.RootUrl + "/khong-co-trang-nay?x=1");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Không tìm thấy trang");
        await Assertions.Expect(page.Locator("header.mud-appbar")).ToContainTextAsync("Theo dõi chỉ tiêu KHCN, ĐMST và CĐS");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await BrowserSession.ScreenshotAsync(page, "pages-not-found-vi");

        // The language link of the frame comes back to the same address, now in English (and still a 404).
        var english = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("language-en").ClickAsync(),
            r => r.Url.EndsWith("/khong-co-trang-nay?x=1"));
        Assert.Equal(404, english.Status);
        await page.WaitForURLAsync(url => url.EndsWith("/khong-co-trang-nay?x=1"));
        await Assertions.Expect(page.GetByTestId("error-title")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the home page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserSession.ScreenshotAsync(page, "pages-not-found-en");

        // The error page itself has the same frame and a main landmark.
        await page.GotoAsync(session.Portal.RootUrl + "/error");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Something went wrong");
        await Assertions.Expect(page.GetByTestId("home-link")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "pages-error-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePortalHasAFavicon()
    {
        var page = await session.OpenAsync("/");

        var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var icon = await page.APIRequest.GetAsync(new Uri(new Uri(session.Portal.RootUrl + "/"), href).ToString());

        Assert.Equal(200, icon.Status);
        Assert.StartsWith("image/svg+xml", icon.Headers["content-type"]);
        Assert.Contains("<svg", await icon.TextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TimesAreVietnamTimeWithTheirZone_InBothLanguages()
    {
        var page = await session.OpenSignedInAsync("auditor.phutho@demo.local", "/audit");

        var shown = (await page.GetByTestId("audit-at").First.InnerTextAsync()).Split('\n')[0].Trim();
        var moment = ParseShown(shown);
        Assert.InRange(moment, TruncateToSecond(TestClock.Earliest), session.Portal.Clock.GetUtcNow());
        await BrowserSession.ScreenshotAsync(page, "pages-times-vi");

        await SwitchToEnglishAsync(page, "/audit");
        var english = (await page.GetByTestId("audit-at").First.InnerTextAsync()).Split('\n')[0].Trim();
        Assert.Equal(shown, english); // day before month in English too (en-GB), never 12/2 for 2 December
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEnglishSwitchShowsIndicatorNamesInEnglish_OnMyWorkAndAssignments()
    {
        var staff = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        await SwitchToEnglishAsync(staff, "/my-work");
        await staff.GetByTestId($"period-{TestClock.LastYear}").ClickAsync();
        var row = staff.Locator("[data-testid=my-values] tbody tr").Filter(new() { Has = staff.GetByTestId($"enter-{Indicator}-{TestClock.LastYear}") });
        await Assertions.Expect(row).ToContainTextAsync(IndicatorEn);
        await Assertions.Expect(row).Not.ToContainTextAsync(IndicatorVi);
        await BrowserSession.ScreenshotAsync(staff, "pages-my-work-en");
        await staff.Context.CloseAsync();

        var leader = await session.OpenSignedInAsync("leader.laocai@demo.local", "/admin/assignments");
        await SwitchToEnglishAsync(leader, "/admin/assignments");
        await Assertions.Expect(leader.Locator("tbody")).ToContainTextAsync(IndicatorEn);
        await Assertions.Expect(leader.Locator("tbody")).Not.ToContainTextAsync(IndicatorVi);
        await BrowserSession.ScreenshotAsync(leader, "pages-assignments-en");
        await leader.Context.CloseAsync();
    }

    [Fact]
    public async Task EveryPageHasAMainLandmarkAndAVisibleFocusRing()
    {
        var page = await session.OpenAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Theo dõi thực hiện Nghị quyết 57-NQ/TW");

        // Reach the theme switch with the keyboard, as a keyboard user does (Shift+Tab then Tab lands on it).
        await page.GetByTestId("theme-switch").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }");
        Assert.NotEqual("BODY", ring[0]);
        Assert.Equal("solid", ring[1]);
        Assert.True(double.Parse(ring[2].Replace("px", ""), CultureInfo.InvariantCulture) >= 2, string.Join(" ", ring));
        await BrowserSession.ScreenshotAsync(page, "pages-focus-ring");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StatusChipsCarryAWordAndAnIcon_AndTheirColoursReachWcagAA()
    {
        var page = await session.OpenSignedInAsync("leader.phutho@demo.local", "/progress/units");
        await Assertions.Expect(page.GetByTestId("progress-status").First).ToBeVisibleAsync();

        var chips = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.mud-chip')].map(c => {
                const s = getComputedStyle(c);
                return { status: c.dataset.status ?? '', text: c.innerText.trim(), icon: !!c.querySelector('svg'), color: s.color, background: s.backgroundColor };
            })
            """);
        var seen = chips.EnumerateArray().ToList();
        Assert.NotEmpty(seen);
        var statuses = new HashSet<string>();
        foreach (var chip in seen)
        {
            var text = chip.GetProperty("text").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(chip.GetProperty("icon").GetBoolean(), text);
            var ratio = Contrast(chip.GetProperty("color").GetString()!, chip.GetProperty("background").GetString()!);
            Assert.True(ratio >= 4.5, $"“{text}”: {chip.GetProperty("color")} on {chip.GetProperty("background")} is {ratio:0.00}:1");
            statuses.Add(chip.GetProperty("status").GetString()!);
        }
        await BrowserSession.ScreenshotAsync(page, "pages-status-chips");
        Assert.True(statuses.Count >= 2, "statuses seen: " + string.Join(", ", statuses));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWrongPasswordKeepsTheEmailInTheField_NotInTheAddress_ThenTheRightOneSignsIn()
    {
        const string email = "staff.phutho@demo.local";
        var page = await session.OpenAsync("/account/login?returnUrl=%2Fmy-work");

        await BrowserSession.SignInAsync(page, email, "Sai-mat-khau-1");
        await page.WaitForURLAsync(url => url.Contains("error=refused"));
        await BrowserSession.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("Email hoặc mật khẩu không đúng");
        await Assertions.Expect(page.Locator("input[name=email]")).ToHaveValueAsync(email);
        await Assertions.Expect(page.Locator("input[name=password]")).ToHaveValueAsync("");
        Assert.DoesNotContain("phutho", Uri.UnescapeDataString(page.Url));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => Uri.UnescapeDataString(c.Value).Contains("phutho"));
        await BrowserSession.ScreenshotAsync(page, "pages-login-refused-keeps-email");

        await page.Locator("input[name=password]").FillAsync(PortalFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/my-work"));
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("nav-my-work")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "vi-VN" });
        return await context.NewPageAsync();
    }

    private async Task SwitchToEnglishAsync(IPage page, string path)
    {
        await page.GotoAsync($"{session.Portal.RootUrl}/culture?name=en-US&redirect={Uri.EscapeDataString(path)}");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);

    /// <summary>"14:05:09 02/12/2026 (UTC+7)" → the moment it names; anything else fails the test.</summary>
    private static DateTimeOffset ParseShown(string shown)
    {
        var match = ShownTime().Match(shown);
        Assert.True(match.Success, $"“{shown}” is not HH:mm:ss dd/MM/yyyy (UTC+7)");
        var local = DateTime.ParseExact(match.Groups[1].Value, "HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, TimeSpan.FromHours(7));
    }

    [GeneratedRegex(@"^(\d{2}:\d{2}:\d{2} \d{2}/\d{2}/\d{4}) \(UTC\+7\)$")]
    private static partial Regex ShownTime();

    /// <summary>WCAG's contrast ratio of two CSS rgb()/rgba() colours (the background's alpha over white).</summary>
    private static double Contrast(string foreground, string background)
    {
        var bg = Rgb(background, over: (255, 255, 255));
        var fg = Rgb(foreground, over: bg);
        var (a, b) = (Luminance(fg), Luminance(bg));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static (double R, double G, double B) Rgb(string css, (double R, double G, double B) over)
    {
        var n = Regex.Matches(css, @"[\d.]+").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        var alpha = n.Length > 3 ? n[3] : 1;
        return (n[0] * alpha + over.R * (1 - alpha), n[1] * alpha + over.G * (1 - alpha), n[2] * alpha + over.B * (1 - alpha));
    }

    private static double Luminance((double R, double G, double B) c)
    {
        static double Channel(double v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4); }
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
