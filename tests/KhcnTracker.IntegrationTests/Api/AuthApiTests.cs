namespace KhcnTracker.IntegrationTests.Api;

/// <summary>Bearer tokens for the API, refusals as problem details in Vietnamese, lockout after five failures.</summary>
public sealed class AuthApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task LoginAnswersABearerTokenThatOpensTheApi()
    {
        using var client = portal.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "auditor.laocai@demo.local", password = PortalFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());

        using var signedIn = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/units")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/units")]
    [InlineData("/api/v1/targets?unit=laocai")]
    [InlineData("/api/v1/tasks")]
    public async Task WithoutATokenTheApiAnswers401WithAVietnameseProblem(string path)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bạn cần đăng nhập để thực hiện thao tác này.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne_WithTheSameAnswerAsAWrongPassword()
    {
        using var client = portal.CreateClient();
        string? wrongAnswer = null;
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "staff2.quangtri@demo.local", password = "Sai@12345x" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            wrongAnswer = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "staff2.quangtri@demo.local", password = PortalFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        // Locked — but the answer is a wrong password's, which is also an unknown e-mail's: nothing is told about the account.
        Assert.Equal(wrongAnswer, (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Contains("tạm khóa", wrongAnswer);
    }

    [Fact]
    public async Task TheSignInFormRefusesAPostWithoutItsAntiforgeryToken()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "admin@demo.local", ["password"] = PortalFactory.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("khcn.auth")));
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        using var client = portal.CreateClient();
        foreach (var path in new[] { "/", "/health", "/api/v1/units", "/account/login" })
        {
            var response = await client.GetAsync(path);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
