using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>
/// The rate limits, each at a small number set here (the rest of the suite runs with them raised): sign-in per IP address,
/// then per account — refused attempts never reach the password check, so they neither count towards the lockout nor
/// let a right password through — exports and reports per user; each refusal a 429 with Retry-After in Vietnamese.
/// </summary>
public sealed class RateLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string TooMany = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy thử lại sau";

    [Fact]
    public async Task OneAddressGetsThreeSignInAttemptsAMinuteWhicheverTheAccounts()
    {
        await using var app = With("RateLimits:SignInPerIpPerMinute", "3");
        using var client = app.CreateClient();

        var answers = new List<HttpResponseMessage>();
        foreach (var email in new[] { "khong-co-1@demo.local", "khong-co-2@demo.local", "khong-co-3@demo.local", "staff.quangtri@demo.local" })
            answers.Add(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "sai-mat-khau" }));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        await AssertTooManyAsync(answers[^1]);
        // The fourth attempt never reached the account: no failure counted against staff.quangtri.
        Assert.Equal(0, await FailedCountAsync("staff.quangtri@demo.local"));
    }

    [Fact]
    public async Task OneAccountGetsThreeAttemptsIn15MinutesAndARightPasswordAfterThemIsNotChecked()
    {
        await using var app = With("RateLimits:SignInPerAccountPer15Minutes", "3");
        using var client = app.CreateClient();
        const string email = "auditor.quangtri@demo.local";

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "sai-mat-khau" })).StatusCode);
        var fourth = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = " Auditor.QuangTri@demo.local ", password = PortalFactory.DemoPassword });
        var otherAccount = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "leader.quangtri@demo.local", password = PortalFactory.DemoPassword });

        await AssertTooManyAsync(fourth);
        Assert.Equal(3, await FailedCountAsync(email)); // three failures, below the lockout of five: the account is not locked
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode); // the same address, another account: not limited
    }

    [Fact]
    public async Task TheSignInFormPastTheLimitShowsTheSignInPageWithItsMessage()
    {
        await using var app = With("RateLimits:SignInPerIpPerMinute", "1");
        using (var first = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
            await DemoSignIn.FormAsync(first, "reviewer.quangtri@demo.local"); // the one attempt of this minute
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var second = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "reviewer.quangtri@demo.local", ["password"] = PortalFactory.DemoPassword, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/account/login?error=throttled", second.Headers.Location?.OriginalString);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
        Assert.Contains("Có quá nhiều lần đăng nhập trong thời gian ngắn. Hãy đợi vài phút rồi thử lại.", WebUtility.HtmlDecode(await client.GetStringAsync("/account/login?error=throttled")));
    }

    [Fact]
    public async Task ExportsAndReportsAreLimitedPerUser()
    {
        await using var app = With("RateLimits:ExportsPerUserPerMinute", "2", "RateLimits:ReportsPerUserPerMinute", "1");
        using var auditor = await SignedInAsync(app, "auditor.laocai@demo.local");
        using var other = await SignedInAsync(app, "auditor.phutho@demo.local");

        var exports = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) exports.Add(await auditor.GetAsync("/api/v1/exports/targets.csv?unit=laocai"));
        var report = await auditor.GetAsync("/api/v1/reports/r57?unit=laocai&period=2025&format=docx");
        var secondReport = await auditor.GetAsync("/api/v1/reports/r57?unit=laocai&period=2025&format=docx");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], exports.Select(e => e.StatusCode));
        await AssertTooManyAsync(exports[2]);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        await AssertTooManyAsync(secondReport);
        // Another person's limits are their own.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/exports/targets.csv?unit=phutho")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/reports/r57?unit=phutho&period=2025&format=docx")).StatusCode);
    }

    private WebApplicationFactory<Program> With(params string[] settings) => portal.WithWebHostBuilder(b =>
    {
        for (var i = 0; i < settings.Length; i += 2) b.UseSetting(settings[i], settings[i + 1]);
    });

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient();
        await DemoSignIn.BearerAsync(client, email);
        return client;
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.StartsWith(TooMany, problem.GetProperty("detail").GetString());
    }

    private async Task<int> FailedCountAsync(string email)
    {
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        return await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.AccessFailedCount).SingleAsync();
    }
}
