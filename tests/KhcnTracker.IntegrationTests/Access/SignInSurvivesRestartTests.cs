namespace KhcnTracker.IntegrationTests.Access;

/// <summary>Data Protection keys live in PostgreSQL, so a sign-in made before a restart still works after it.</summary>
public sealed class SignInSurvivesRestartTests
{
    [Fact]
    public async Task ATokenIssuedBeforeARestartIsAcceptedAfterIt()
    {
        string token, connectionString;
        await using (var before = new PortalFactory())
        {
            await ((IAsyncLifetime)before).InitializeAsync();
            connectionString = before.ConnectionString;
            using var client = before.CreateClient();
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "leader.laocai@demo.local", password = PortalFactory.DemoPassword });
            token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        await using var after = PortalFactory.OnDatabase(connectionString);
        using var restarted = after.CreateClient();
        restarted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync("/api/v1/units")).StatusCode);
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(connectionString));
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }
}
