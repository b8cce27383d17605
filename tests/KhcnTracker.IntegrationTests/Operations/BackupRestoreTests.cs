using Xunit.Abstractions;

namespace KhcnTracker.IntegrationTests.Operations;

/// <summary>
/// The backup that docs/operations.md prescribes, restored and checked: <c>pg_dump -Fc</c> of a portal with work in
/// it, <c>pg_restore</c> into a new database, and the portal on the restored database has every value and an intact
/// audit chain — the restore is proven, not assumed. The tools are the server's own version (<see cref="PostgresTools"/>).
/// </summary>
public sealed class BackupRestoreTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ADumpRestoresIntoAPortalWithTheSameValuesAndAnIntactAuditChain()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "digital-economy-grdp-share", period = "2025", value = 12.5m, source = "Cục Thống kê" });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();
        using var auditor = await portal.CreateClientForAsync("auditor.national@demo.local");
        var original = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        // Shown in the test output (scripts/test.sh prints it from the results): the versions that must agree.
        var (server, pgDump) = (await PostgresTools.ServerVersionAsync(), await PostgresTools.VersionAsync("pg_dump"));
        output.WriteLine($"PostgreSQL server {server}; {pgDump}");
        Assert.Contains($" {server.Split('.', ' ')[0]}.", pgDump);

        var dump = await PostgresTools.ScratchFileAsync($"khcn-{Guid.NewGuid():N}.dump");
        await PostgresTools.RunAsync("pg_dump", portal.ConnectionString, "-Fc", "-f", dump);
        var restored = TestPostgres.WithDatabase(portal.ConnectionString, $"restored_{Guid.NewGuid():N}"[..30]);
        await TestPostgres.ExecuteAsync(await TestPostgres.ServerAsync(), $"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(restored).Database}\"");
        await PostgresTools.RunAsync("pg_restore", restored, "--no-owner", dump);
        if (File.Exists(dump)) File.Delete(dump);

        await using var afterRestore = PortalFactory.OnDatabase(restored);
        using var restoredAuditor = await afterRestore.CreateClientForAsync("auditor.national@demo.local");
        var check = await restoredAuditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        // The restored trail is the original one (the restore's own sign-in adds nothing to the trail).
        Assert.Equal(original.GetProperty("rowsChecked").GetInt64(), check.GetProperty("rowsChecked").GetInt64());
        var history = await restoredAuditor.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history");
        var value = history.EnumerateArray().Single();
        Assert.Equal(12.5m, value.GetProperty("value").GetDecimal());
        Assert.Equal("approved", value.GetProperty("status").GetString());
    }
}
