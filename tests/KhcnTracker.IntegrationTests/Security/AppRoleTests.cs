using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>
/// The deployment of docs/operations.md: migrations run as the owner and grant the application role
/// (<c>Database:AppRole</c>); the portal serving as that role does its everyday work, and the audit trail's guards
/// cannot be taken away by it — it owns nothing, so it cannot disable the chain's triggers, and it has no right to
/// change or remove an audit row.
/// </summary>
public sealed class AppRoleTests : IAsyncLifetime
{
    private readonly string _role = $"khcn_app_{Guid.NewGuid():N}"[..20];
    private string _owner = "";
    private string _app = "";
    private WebApplicationFactory<Program> _portal = null!;

    public async Task InitializeAsync()
    {
        _owner = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(_owner, $"CREATE ROLE {_role} LOGIN PASSWORD 'app-secret'");
        // The owner's start: migrate, then grant (the same step as the `migrate` command).
        await using (var migrate = PortalFactory.OnDatabase(_owner))
            migrate.WithWebHostBuilder(b => b.UseSetting("Database:AppRole", _role)).CreateClient().Dispose();
        // The app must make its own Data Protection key as the application role.
        await TestPostgres.ExecuteAsync(_owner, "DELETE FROM \"DataProtectionKeys\"");
        _app = new NpgsqlConnectionStringBuilder(_owner) { Username = _role, Password = "app-secret" }.ConnectionString;
        _portal = PortalFactory.OnDatabase(_app).WithWebHostBuilder(b => b.UseSetting("Database:MigrateOnStart", "false"));
    }

    [Fact]
    public async Task ThePortalServingAsTheApplicationRoleEntersReviewsAndAudits()
    {
        var staff = _portal.CreateClient();
        await DemoSignIn.BearerAsync(staff, "staff.laocai@demo.local");
        var reviewer = _portal.CreateClient();
        await DemoSignIn.BearerAsync(reviewer, "reviewer.laocai@demo.local");
        var cookie = _portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await DemoSignIn.FormAsync(cookie, "admin@demo.local");

        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "digital-economy-grdp-share", period = "2025", value = 12.5m, source = "Cục Thống kê" });
        saved.EnsureSuccessStatusCode();
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();

        var history = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history");
        Assert.Equal("approved", history.EnumerateArray().Single().GetProperty("status").GetString());
        Assert.Equal(3L, await ScalarAsync<long>(_owner, $"SELECT count(*) FROM audit_log WHERE entity = 'value' AND entity_key = '{id}'"));
        Assert.True(await ScalarAsync<long>(_owner, "SELECT count(*) FROM \"DataProtectionKeys\"") > 0);
        var auditor = _portal.CreateClient();
        await DemoSignIn.BearerAsync(auditor, "auditor.national@demo.local");
        var check = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
    }

    [Theory]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER audit_log_no_change ON audit_log")]
    [InlineData("UPDATE audit_log SET actor = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("ALTER TABLE reported_values DISABLE TRIGGER ALL")]
    [InlineData("CREATE TABLE mine (id int)")]
    public async Task TheApplicationRoleIsRefusedWhatWouldRewriteTheTrail(string sql)
    {
        var rows = await ScalarAsync<long>(_owner, "SELECT count(*) FROM audit_log");
        var latest = await ScalarAsync<string>(_owner, "SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1");

        var error = await Assert.ThrowsAsync<PostgresException>(() => TestPostgres.ExecuteAsync(_app, sql));

        // 42501: insufficient privilege (not the owner, or no such right) — refused before any trigger runs.
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(rows, await ScalarAsync<long>(_owner, "SELECT count(*) FROM audit_log"));
        Assert.Equal(latest, await ScalarAsync<string>(_owner, "SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1"));
    }

    [Fact]
    public async Task TheApplicationRoleCanAppendToTheTrailAndReadIt()
    {
        await TestPostgres.ExecuteAsync(_app, """
            INSERT INTO audit_log (at, actor, origin, entity, entity_key, action, changes, previous_hash, hash)
            VALUES (now(), 'system', 'system', 'Probe', '1', 'create', '{}', '', '')
            """);
        Assert.Equal(1L, await ScalarAsync<long>(_app, "SELECT count(*) FROM audit_log WHERE entity = 'Probe'"));
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        // Roles belong to the server, not the database: leave none behind.
        await TestPostgres.ExecuteAsync(_owner, $"DROP OWNED BY {_role}");
        await TestPostgres.ExecuteAsync(await TestPostgres.ServerAsync(), $"DROP ROLE {_role}");
    }
}
