using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>
/// One error path: control characters in the path, the query or the body are refused with 400, unknown codes are not
/// found, redirect targets that leave the portal go home, and an exception nobody expected answers problem+json in
/// Vietnamese (API) or the Vietnamese error page (pages) — never a stack trace.
/// </summary>
public sealed class ErrorPathTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/api/v1/progress/units/lao%01cai", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/targets/1%01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/tasks?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/tasks/progress?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/progress?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/progress/indicators/khong-co-chi-so/comparison", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/exports/tasks.csv?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/khong-co-duong-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/exports/audit.csv?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/exports/values.csv?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/targets?search=a%00b", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/values?unit=lao%00cai", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/progress?unit=%01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/tasks?document=%00", HttpStatusCode.BadRequest)]
    [InlineData("/progress?x=%0A", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/progress/units/khong-co", HttpStatusCode.NotFound)]
    public async Task AnOddPathOrCodeIsAProblemInVietnamese(string path, HttpStatusCode expected)
    {
        using var leader = await portal.CreateClientForAsync("leader.national@demo.local");

        var response = await leader.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("[àáảãạâăđêôơư]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"unit\":\"laocai\",\"indicator\":\"innovating-enterprise-share\",\"period\":\"2025\",\"value\":5,\"note\":\"a\\u0000b\"}")]
    [InlineData("{\"unit\":\"laocai\",\"indicator\":\"innovating-enterprise-share\",\"period\":\"2025\",\"value\":5,\"source\":\"x\\u001b[31m\"}")]
    [InlineData("{\"unit\":\"laocai\",\"indicator\":\"innovating-enterprise-share\",\"period\":\"2025\",\"value\":5,\"note\":\"a\u0001b\"}")]
    public async Task AControlCharacterInAJsonBodyIsRefusedAndNothingIsWritten(string body)
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");

        var response = await staff.PostAsync("/api/v1/values", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ký tự điều khiển", await response.Content.ReadAsStringAsync());
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        Assert.False(await db.Values.AnyAsync(v => v.UnitCode == "laocai" && v.IndicatorCode == "innovating-enterprise-share" && v.PeriodCode == "2025"));
    }

    [Fact]
    public async Task ANoteWithLineBreaksAndTabsIsStillAccepted()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "online-public-service-use", period = "2025", value = 40m, note = "Dòng 1\r\nDòng 2\tcột" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANulInTheSignInFormIsRefused()
    {
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostSignInAsync(browser, "staff.laocai@demo.local\0", PortalFactory.DemoPassword, "/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\r\nSet-Cookie:x=1")]
    [InlineData("\\\\evil.example")]
    public async Task ARedirectTargetThatLeavesThePortalGoesHome(string target)
    {
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await PostSignInAsync(browser, "leader.laocai@demo.local", PortalFactory.DemoPassword, target);
        var wrong = await PostSignInAsync(browser, "leader.laocai@demo.local", "sai-mat-khau", target);
        var culture = await browser.GetAsync($"/culture?name=en-US&redirect={Uri.EscapeDataString(target)}");

        Assert.Equal((HttpStatusCode.Redirect, "/"), (signIn.StatusCode, signIn.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.StartsWith("/account/login?error=refused&returnUrl=%2F", wrong.Headers.Location?.OriginalString);
        Assert.EndsWith("returnUrl=%2F", wrong.Headers.Location?.OriginalString);
        // The language switch goes home too, or refuses a query with a line break outright — never anything else.
        Assert.True(culture.StatusCode == HttpStatusCode.BadRequest || (culture.StatusCode, culture.Headers.Location?.OriginalString) == (HttpStatusCode.Redirect, "/"),
            $"{culture.StatusCode} {culture.Headers.Location}");
    }

    [Fact]
    public async Task ALocalRedirectTargetIsKept()
    {
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await PostSignInAsync(browser, "leader.laocai@demo.local", PortalFactory.DemoPassword, "/progress/units/laocai?year=2025");
        Assert.Equal("/progress/units/laocai?year=2025", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnUnexpectedExceptionIsAProblemForTheApiAndTheErrorPageForPages()
    {
        await using var broken = portal.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddScoped<ListUnits>(_ => throw new InvalidOperationException("chi tiết nội bộ không được lộ"));
            services.AddScoped<SummarizeCatalogue>(_ => throw new InvalidOperationException("chi tiết nội bộ không được lộ"));
        }));
        using var client = broken.CreateClient();
        await DemoSignIn.BearerAsync(client, "leader.laocai@demo.local");

        var api = await client.GetAsync("/api/v1/units");
        var apiText = await api.Content.ReadAsStringAsync();
        Assert.True(api.StatusCode == HttpStatusCode.InternalServerError && api.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{api.StatusCode} {api.Content.Headers.ContentType}");
        Assert.Contains("Đã xảy ra lỗi ngoài dự kiến", apiText);
        Assert.Contains("traceId", apiText);
        Assert.DoesNotContain("chi tiết nội bộ", apiText);
        Assert.DoesNotContain("InvalidOperationException", apiText);

        using var anonymous = broken.CreateClient();
        var page = await anonymous.GetAsync("/");
        var pageText = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.InternalServerError, $"{page.StatusCode} {page.Content.Headers.ContentType}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Đã xảy ra lỗi", pageText);
        Assert.DoesNotContain("chi tiết nội bộ", pageText);
        Assert.True(page.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task AnUnknownPageShowsTheNotFoundPage()
    {
        using var anonymous = portal.CreateClient();
        var page = await anonymous.GetAsync("/khong-co-trang-nay");
        var text = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.NotFound && text.Contains("Không tìm thấy trang"), $"{page.StatusCode} {page.Content.Headers.ContentType}");
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string email, string password, string returnUrl)
    {
        var form = await browser.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }
}
