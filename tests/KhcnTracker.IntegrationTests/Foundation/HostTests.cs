using Microsoft.AspNetCore.Hosting;

namespace KhcnTracker.IntegrationTests.Foundation;

/// <summary>The whole app through WebApplicationFactory on its own PostgreSQL database.</summary>
public sealed class HostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task HealthIsHealthyWhenTheDatabaseAnswers()
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task TheAccessDeniedPageAnswersInProduction()
    {
        await using var production = PortalFactory.OnDatabase(portal.ConnectionString);
        using var client = production.WithWebHostBuilder(b => b.UseEnvironment("Production"))
            .CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/account/denied");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Không có quyền truy cập", page);
        Assert.Contains("không có quyền xem trang này", page);
    }

    [Fact]
    public async Task TheHomePageIsServedInVietnameseByDefault()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US"); // the browser's language does not override the default
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/")); // Razor writes ế as &#x1EBF;
        Assert.Contains("Theo dõi chỉ tiêu KHCN, ĐMST và CĐS", html);
        Assert.Contains("lang=\"vi\"", html);
    }

    [Fact]
    public async Task TheCultureSwitchOnlyRedirectsToLocalPages()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture?name=en-US&redirect=//evil.example");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("en-US"));
    }
}
