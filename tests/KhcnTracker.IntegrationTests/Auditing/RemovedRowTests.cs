namespace KhcnTracker.IntegrationTests.Auditing;

/// <summary>A removed row breaks the chain too (its own database: the check above alters another).</summary>
public sealed class RemovedRowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheChainCheckFindsARowRemovedDirectlyInTheDatabase()
    {
        await TestPostgres.ExecuteAsync(portal.ConnectionString, """
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
            DELETE FROM audit_log WHERE sequence = 12;
            ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;
            """);

        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(12, report.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("missing", report.GetProperty("problem").GetString());
    }
}
