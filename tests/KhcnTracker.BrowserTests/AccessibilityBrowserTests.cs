using System.Diagnostics;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace KhcnTracker.BrowserTests;

/// <summary>
/// Every main page, as each role that can open it, in Vietnamese and English (issue #16, item 4): axe-core finds no
/// critical and no serious violation; on a 390×844 phone no page scrolls sideways and no chart label is under 11 px.
/// One signed-in browser context per role and language, reused for all that role's pages.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserSession session, ITestOutputHelper output) : IClassFixture<BrowserSession>
{
    private const string Unit = "laocai";

    [Flags]
    private enum Roles
    {
        Staff = 1, Reviewer = 2, Leader = 4, Auditor = 8, Admin = 16, NationalLeader = 32,
        Everyone = Staff | Reviewer | Leader | Auditor | Admin | NationalLeader,
    }

    /// <summary>The main pages and who can open them: a new page is one line here.</summary>
    private static readonly (string Name, string Path, Roles Roles)[] Pages =
    [
        ("home", "/", Roles.Everyone),
        ("my-work", "/my-work", Roles.Staff),
        ("review", "/review", Roles.Reviewer),
        ("province-overview", $"/progress/units/{Unit}", Roles.Everyone),
        ("indicator", $"/progress/units/{Unit}/indicators/non-cash-payment-share", Roles.Everyone),
        ("comparison", "/progress/compare/digital-economy-grdp-share", Roles.Everyone),
        ("national", "/progress/national", Roles.Everyone),
        ("documents", "/catalogue/documents", Roles.Everyone),
        ("indicators", "/catalogue/indicators", Roles.Everyone),
        ("targets", "/catalogue/targets", Roles.Everyone),
        ("tasks", "/catalogue/tasks", Roles.Everyone),
        ("units", "/catalogue/units", Roles.Everyone),
        ("audit", "/audit", Roles.Auditor | Roles.Admin),
        ("periodic-report", "/reports", Roles.Everyone),
        ("users", "/admin/users", Roles.Admin),
        ("assignments", "/admin/assignments", Roles.Everyone),
        ("periods", "/admin/periods", Roles.Everyone),
    ];

    private static readonly (Roles Role, string Email)[] Accounts =
    [
        (Roles.Staff, $"staff.{Unit}@demo.local"),
        (Roles.Reviewer, $"reviewer.{Unit}@demo.local"),
        (Roles.Leader, $"leader.{Unit}@demo.local"),
        (Roles.Auditor, $"auditor.{Unit}@demo.local"),
        (Roles.Admin, "admin@demo.local"),
        (Roles.NationalLeader, "leader.national@demo.local"),
    ];

    [Fact]
    public async Task OnAPhone_NoMainPageScrollsSideways_ChartLabelsAreReadable_AndAxeFindsNothingSerious()
    {
        var clock = Stopwatch.StartNew();
        // Half the roles each in two contexts at once, in Vietnamese.
        var halves = Accounts.Chunk((Accounts.Length + 1) / 2);
        var runs = await Task.WhenAll(halves.Select(accounts => CheckAsync(accounts, "vi", 390, 844, PhoneProblemsAsync)));
        var problems = runs.SelectMany(r => r.Problems).ToList();
        var checkedPages = runs.Sum(r => r.Checked);

        output.WriteLine($"phone: {checkedPages} pages × roles checked at 390×844, {problems.Count} problems ({clock.Elapsed.TotalSeconds:0} s)");
        Console.WriteLine($"phone: {checkedPages} pages × roles checked at 390×844, {problems.Count} problems");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> PhoneProblemsAsync(IPage page, string name, Roles role, string where)
    {
        var problems = new List<string>();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
            problems.Add($"{where}: the page is {widths[0]} px wide in a {widths[1]} px window");
        // A chart's words as drawn on the screen: the font size times the picture's scale.
        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(1000, ...[...document.querySelectorAll('svg text')]
                .filter(t => t.getClientRects().length > 0 && t.textContent.trim() !== '')
                .map(t => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1)))
            """);
        if (smallest < 11)
            problems.Add($"{where}: a chart label is {smallest:0.0} px");
        problems.AddRange(await AxeAsync(page, where));
        if (role == Roles.Admin || name is "my-work" or "review" or "audit")
            await BrowserSession.ScreenshotAsync(page, $"phone-{name}");
        return problems;
    }

    /// <summary>The pages of <paramref name="accounts"/>' roles: one signed-in context per role, reused for all its pages.</summary>
    private async Task<(List<string> Problems, int Checked)> CheckAsync(IEnumerable<(Roles Role, string Email)> accounts, string language,
        int width, int height, Func<IPage, string, Roles, string, Task<IEnumerable<string>>> check)
    {
        var problems = new List<string>();
        var checkedPages = 0;
        foreach (var (role, email) in accounts)
        {
            var page = await SignInAsync(email, language, width, height);
            foreach (var (name, path, _) in Pages.Where(p => p.Roles.HasFlag(role)))
            {
                await OpenAsync(page, path);
                problems.AddRange(await check(page, name, role, width < 600 ? $"{name} as {role} at {width}×{height}" : $"{name} as {role} in {language}"));
                checkedPages++;
            }
            await page.Context.CloseAsync();
        }
        return (problems, checkedPages);
    }

    private async Task<IPage> SignInAsync(string email, string language, int width, int height)
    {
        var context = await session.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = language == "vi" ? "vi-VN" : "en-GB",
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.Portal.RootUrl + "/account/login");
        await BrowserSession.WaitForCircuitAsync(page);
        await BrowserSession.SignInAsync(page, email, PortalFactory.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        if (language == "en")
            await page.GotoAsync($"{session.Portal.RootUrl}/culture?name=en-US&redirect=%2F");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        return page;
    }

    /// <summary>
    /// Goes to <paramref name="path"/> inside the signed-in circuit, as the menu's links do (no new circuit per page),
    /// and waits for the new page's heading and for its data (no progress indicator left).
    /// </summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        if (new Uri(page.Url).PathAndQuery == path) return;
        await page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.setAttribute('data-left', ''))");
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
        await Assertions.Expect(page.Locator("h1:not([data-left])")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-progress-circular, .mud-progress-linear, .mud-skeleton")).ToHaveCountAsync(0);
        Assert.EndsWith(path, new Uri(page.Url).PathAndQuery);
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string where)
    {
        // A button that was disabled while the page loaded fades to its colour (MudBlazor's 250 ms transition): judge
        // the page as it stays, once no transition is running.
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id} on {where} ({v.Nodes.Length}×): {v.Help} — "
                + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target + " " + Trim(n.Html) + " " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))));
    }

    private static string Trim(string html) => html.Length > 160 ? html[..160] + "…" : html;
}
