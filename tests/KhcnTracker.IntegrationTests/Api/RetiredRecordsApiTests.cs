namespace KhcnTracker.IntegrationTests.Api;

/// <summary>Retiring keeps a record: it is listed on request with who retired it, when and why, and can be restored.</summary>
public sealed class RetiredRecordsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("tasks", "/api/v1/tasks", "task")]
    [InlineData("targets", "/api/v1/targets?unit=laocai&year=2030", "target")]
    [InlineData("indicators", "/api/v1/indicators", "indicator")]
    [InlineData("documents", "/api/v1/documents", "document")]
    public async Task ARecordRetiredWithAReasonIsListedUnderRetiredAndRestored(string path, string list, string entity)
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var row = (await ItemsAsync(admin, list)).First();
        var key = row.TryGetProperty("id", out var id) ? id.GetInt32().ToString() : row.GetProperty("code").GetString()!;
        var version = row.GetProperty("version").GetUInt32();

        // One click is not enough: without a reason the record stays in use.
        var refused = await admin.PostAsJsonAsync($"/api/v1/{path}/{key}/retire", new { version, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("lý do", await refused.Content.ReadAsStringAsync());
        Assert.Contains(await ItemsAsync(admin, list), r => Key(r) == key);

        var retired = await admin.PostAsJsonAsync($"/api/v1/{path}/{key}/retire", new { version, reason = "Đã được thay bằng văn bản mới" });
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.DoesNotContain(await ItemsAsync(admin, list), r => Key(r) == key);
        var shown = Assert.Single(await ItemsAsync(admin, list + (list.Contains('?') ? "&" : "?") + "includeRetired=true"), r => Key(r) == key);
        Assert.True(shown.GetProperty("isRetired").GetBoolean());
        var why = shown.GetProperty("retired");
        Assert.Equal("admin@demo.local", why.GetProperty("by").GetString());
        Assert.Equal("Đã được thay bằng văn bản mới", why.GetProperty("reason").GetString());
        Assert.True(portal.Clock.GetUtcNow() - why.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        // Staff cannot restore it; an administrator can.
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var restoreAt = new { version = shown.GetProperty("version").GetUInt32() };
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/{path}/{key}/restore", restoreAt)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/{path}/{key}/restore", restoreAt)).StatusCode);

        var back = Assert.Single(await ItemsAsync(admin, list), r => Key(r) == key);
        Assert.False(back.GetProperty("isRetired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, back.GetProperty("retired").ValueKind);
        // Both changes are in the audit trail, the reason with the first.
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var trail = (await db.AuditLog.Where(a => a.Entity == entity && a.EntityKey == key && a.Action == "update").OrderBy(a => a.Sequence).ToListAsync())
            .Where(a => a.Changes.Contains("retired_reason")).ToList();
        Assert.Equal(2, trail.Count);
        Assert.Contains("Đã được thay bằng văn bản mới", trail[0].Changes);
        Assert.All(trail, a => Assert.Equal("admin@demo.local", a.Actor));
    }

    private static string Key(JsonElement row) => row.TryGetProperty("id", out var id) ? id.GetInt32().ToString() : row.GetProperty("code").GetString()!;

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string url)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(url);
        return (body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items")).EnumerateArray().ToList();
    }
}
