using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// A right taken away ends everywhere within a minute: a bearer token and a sign-in cookie issued before the change
/// are refused at their next request (at once on the instance that made the change, within the access cache's 30 s on
/// any other), their next write writes nothing, and a cookie kept after signing out no longer opens anything.
/// </summary>
public sealed partial class RevocationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string Period = TestClock.VietnamYear.ToString();

    [Fact]
    public async Task ATokenLosesRevokedGrantsAtOnce_AndItsNextWriteIsRefusedAndWritesNothing()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(staff, "laocai", 10m)).StatusCode);
        var before = await ValueChangesAsync();

        var revoked = Stopwatch.StartNew();
        await SetGrantsAsync("staff.laocai@demo.local", new { role = "Leadership", unit = "laocai" });
        var write = await SaveAsync(staff, "laocai", 11m);

        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/v1/values?unit=laocai")).StatusCode);
        Assert.Equal(before, await ValueChangesAsync());
        // Signed in again, the person has the new grants: reads Lào Cai, writes nothing.
        using var again = await portal.CreateClientForAsync("staff.laocai@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/values?unit=laocai")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(again, "laocai", 12m)).StatusCode);
        Assert.Equal(before, await ValueChangesAsync());
    }

    [Fact]
    public async Task AnotherInstancesRevocationReachesThisOneWithinTheAccessCachesLifetime()
    {
        // A second instance on the same database, with its own clock and its own access cache.
        var clock = new ShiftedClock();
        await using var other = portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var staff = other.CreateClient();
        await DemoSignIn.BearerAsync(staff, "staff2.quangtri@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(staff, "quangtri", 20m, Spending)).StatusCode);
        var before = await ValueChangesAsync();

        // The first instance takes the right away; the second still holds what it read less than 30 s ago.
        await SetGrantsAsync("staff2.quangtri@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/values?unit=quangtri")).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SaveAsync(staff, "quangtri", 21m, Spending)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/v1/values?unit=quangtri")).StatusCode);
        Assert.Equal(before, await ValueChangesAsync());
    }

    [Fact]
    public async Task ACookieLosesRevokedGrantsAtOnceAndIsDeleted()
    {
        var cookies = new CookieContainer();
        using var browser = CookieClient(cookies);
        await DemoSignIn.FormAsync(browser, "auditor.laocai@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/values?unit=laocai")).StatusCode);

        await SetGrantsAsync("auditor.laocai@demo.local", new { role = "Leadership", unit = "phutho" });

        var refused = await browser.GetAsync("/api/v1/values?unit=laocai");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(refused.Headers.GetValues("Set-Cookie"), c => c.StartsWith("khcn.auth=;", StringComparison.Ordinal));
        var page = await browser.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login?", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ACookieCapturedBeforeSigningOutIsRefusedAfterwards()
    {
        var cookies = new CookieContainer();
        using var browser = CookieClient(cookies);
        await DemoSignIn.FormAsync(browser, "leader.phutho@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/values?unit=phutho")).StatusCode);
        var captured = cookies.GetCookieHeader(browser.BaseAddress!);
        Assert.Contains("khcn.auth=", captured);

        var form = await browser.GetStringAsync("/account/login");
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/", ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // Someone who copied the cookie before the sign-out sends it again.
        using var thief = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/values?unit=phutho");
        api.Headers.Add("Cookie", captured);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.SendAsync(api)).StatusCode);
        var home = new HttpRequestMessage(HttpMethod.Get, "/progress/units/phutho");
        home.Headers.Add("Cookie", captured);
        var answer = await thief.SendAsync(home);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/account/login?", answer.Headers.Location?.OriginalString);
        // The person signs in again as usual.
        using var again = CookieClient(new CookieContainer());
        await DemoSignIn.FormAsync(again, "leader.phutho@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/values?unit=phutho")).StatusCode);
    }

    [Fact]
    public async Task LockingAnAccountEndsItsTokenAndAResetPasswordEndsItsCookie()
    {
        using var reviewer = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/v1/values?unit=quangtri")).StatusCode);
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/admin/users/reviewer.quangtri@demo.local/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reviewer.GetAsync("/api/v1/values?unit=quangtri")).StatusCode);

        var cookies = new CookieContainer();
        using var browser = CookieClient(cookies);
        await DemoSignIn.FormAsync(browser, "auditor.quangtri@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/values?unit=quangtri")).StatusCode);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<KhcnTracker.Application.Users.IUserAccounts>();
            var id = (await users.IdOfAsync("auditor.quangtri@demo.local", default))!.Value;
            await users.SetPasswordAsync(id, "Mat-khau-tam-789!", default);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/values?unit=quangtri")).StatusCode);
    }

    private HttpClient CookieClient(CookieContainer cookies) =>
        portal.CreateDefaultClient(new Uri("http://localhost/"), new CookieContainerHandler(cookies));

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string unit, decimal value, string indicator = "digital-economy-grdp-share") =>
        client.PostAsJsonAsync("/api/v1/values", new { unit, indicator, period = Period, value, source = "Cục Thống kê" });

    /// <summary>What the Finance department of a province reports.</summary>
    private const string Spending = "budget-khcn-dmst-cds-spending";

    /// <summary>An administrator replaces the account's grants through the administration API.</summary>
    private async Task SetGrantsAsync(string email, params object[] grants)
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        await admin.PutGrantsAsync(email, grants);
    }

    private Task<long> ValueChangesAsync() => AccountSteps.ValueChangesAsync(portal.ConnectionString);

    /// <summary>The real clock moved forward by hand: time passing on one instance without waiting for it.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        private TimeSpan _shift;
        public void Advance(TimeSpan by) => _shift += by;
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
