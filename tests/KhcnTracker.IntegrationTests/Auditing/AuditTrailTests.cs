namespace KhcnTracker.IntegrationTests.Auditing;

/// <summary>Every change leaves an audit row in its own transaction; the rows are append-only and hash-chained.</summary>
public sealed class AuditTrailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SavingAValueWritesWhoWhatAndFromWhere()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var saved = await (await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "innovating-enterprise-share", period = "2025", value = 31.5m })).Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetInt32();

        await using var db = Db();
        var row = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Entity == "value" && a.EntityKey == id.ToString());
        Assert.Equal("create", row.Action);
        Assert.Equal("staff.laocai@demo.local", row.Actor);
        Assert.StartsWith("api", row.Origin);
        var changes = JsonDocument.Parse(row.Changes).RootElement;
        Assert.Equal(31.5m, changes.GetProperty("value")[1].GetDecimal());
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("value")[0].ValueKind);
        // Stable words (decision 0010): the status as its word, not the enum's number.
        Assert.Equal("draft", changes.GetProperty("status")[1].GetString());
        Assert.Equal(Domain.Auditing.AuditEntry.CurrentFormat, row.Format);
    }

    [Fact]
    public async Task ARefusedSaveLeavesNoAuditRow()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var first = await (await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "ip-commercialisation-share", period = "2025", value = 5m })).Content.ReadFromJsonAsync<JsonElement>();
        var (id, version) = (first.GetProperty("id").GetInt32(), first.GetProperty("version").GetUInt32());
        await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "ip-commercialisation-share", period = "2025", value = 6m, version });
        var before = await CountAsync(id);

        var stale = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "ip-commercialisation-share", period = "2025", value = 7m, version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(before, await CountAsync(id));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    public async Task TheAppsOwnDatabaseRoleCannotChangeAuditRows(string sql)
    {
        var before = await TotalAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => TestPostgres.ExecuteAsync(portal.ConnectionString, sql));
        Assert.Contains("append-only", error.MessageText);
        Assert.Equal(before, await TotalAsync());
    }

    [Fact]
    public async Task TheChainCheckFindsARowAlteredDirectlyInTheDatabase()
    {
        using var auditor = await portal.CreateClientForAsync("auditor.national@demo.local");
        var intact = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.True(intact.GetProperty("rowsChecked").GetInt64() > 100); // the catalogue load itself is audited

        // Someone with the database owner's powers switches the guard off and rewrites history.
        await TestPostgres.ExecuteAsync(portal.ConnectionString, """
            ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
            UPDATE audit_log SET actor = 'ai đó' WHERE sequence = 7;
            ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;
            """);

        var broken = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(7, broken.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(6, broken.GetProperty("rowsChecked").GetInt64());
    }

    [Fact]
    public async Task OnlyAuditorsAndAdministratorsVerifyTheChain()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/audit/verify")).StatusCode);
        using var leader = await portal.CreateClientForAsync("leader.national@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/audit/verify")).StatusCode);
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));

    private async Task<int> CountAsync(int valueId)
    {
        await using var db = Db();
        return await db.AuditLog.CountAsync(a => a.Entity == "value" && a.EntityKey == valueId.ToString());
    }

    private async Task<int> TotalAsync()
    {
        await using var db = Db();
        return await db.AuditLog.CountAsync();
    }
}
