using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>The portal as it runs in Production: cookies only over HTTPS, no public API description, Vietnamese error pages.</summary>
public sealed class ProductionHostTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new() { EnvironmentName = "Production" };

    public Task InitializeAsync() => ((IAsyncLifetime)_portal).InitializeAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task CookiesAreSecure_TheOpenApiDocumentIsOff_AndErrorsArePagesInVietnamese()
    {
        // Behind the TLS proxy every request is HTTPS (X-Forwarded-Proto); the test server is asked over https directly.
        using var anonymous = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        // The sign-in cookie is never sent over plain HTTP; over HTTPS every cookie the portal sets is Secure.
        Assert.Equal(CookieSecurePolicy.Always, _portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.SecurePolicy);
        var login = await anonymous.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Đăng nhập", WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // The API's description is not published.
        var openApi = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.NotFound, openApi.StatusCode);
        Assert.Equal("application/problem+json", openApi.Content.Headers.ContentType?.MediaType);

        // An unknown page: the Vietnamese not-found page, with its status.
        var missing = await anonymous.GetAsync("/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var text = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy trang", text);
        Assert.Contains("Trang bạn tìm không tồn tại", text);

        // The error page exists (UseExceptionHandler points to it).
        var error = await anonymous.GetAsync("/error");
        Assert.Contains("Đã xảy ra lỗi", WebUtility.HtmlDecode(await error.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task TheOpenApiDocumentCanBeTurnedOnBySetting()
    {
        await using var documented = _portal.WithWebHostBuilder(b => b.UseSetting("OpenApi:Enabled", "true"));
        using var client = documented.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/values", await response.Content.ReadAsStringAsync());
    }
}
