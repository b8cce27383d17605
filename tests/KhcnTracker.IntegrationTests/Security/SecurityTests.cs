using KhcnTracker.Application.Auditing;
using KhcnTracker.Application.Exports;
using KhcnTracker.Application.Progress;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Application.Reports;
using KhcnTracker.Application.Users;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>What someone might try that they should not: cross-site writes, another province's data, SQL in text fields.</summary>
public sealed class SecurityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheSignInCookieReadsButNeverWritesThroughTheApi()
    {
        using var browser = await portal.CreateCookieClientAsync("staff.laocai@demo.local");

        // A download link in a page is a GET with the cookie: allowed.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/values?unit=laocai")).StatusCode);
        // A write with the cookie alone — what a cross-site form or script would send — is not authenticated.
        var write = await browser.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "digital-economy-grdp-share", period = "2025", value = 1m, source = "CSRF" });
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        var narrative = await browser.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=laocai&period=2025", new { difficulties = "CSRF" });
        Assert.Equal(HttpStatusCode.Unauthorized, narrative.StatusCode);

        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var values = await staff.GetFromJsonAsync<JsonElement>("/api/v1/values?unit=laocai&indicator=digital-economy-grdp-share&period=2025");
        Assert.DoesNotContain(values.EnumerateArray(), v => v.GetProperty("source").GetString() == "CSRF");
    }

    [Fact]
    public async Task SqlLookingTextIsStoredAndSearchedAsText()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        const string note = "Robert'); DROP TABLE reported_values; --";
        var saved = await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "innovating-enterprise-share", period = "2025", value = 5m, source = "' OR 1=1 --", note });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var values = await staff.GetFromJsonAsync<JsonElement>("/api/v1/values?unit=laocai&indicator=innovating-enterprise-share&period=2025");
        var value = values.EnumerateArray().Single();
        Assert.Equal(note, value.GetProperty("note").GetString());
        Assert.Equal("' OR 1=1 --", value.GetProperty("source").GetString());

        var search = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/targets?search={Uri.EscapeDataString("'; DROP TABLE targets; --")}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        var all = await staff.GetFromJsonAsync<JsonElement>("/api/v1/targets?search=kinh%20te%20so");
        Assert.True(all.GetProperty("total").GetInt32() > 0);
    }

    /// <summary>
    /// A Blazor component event runs the same use case with the circuit's user: a forged event (a hidden button
    /// clicked through the browser's tools, a crafted SignalR message) reaches exactly this. Lào Cai's staff member
    /// tries every kind of command and query on Phú Thọ's data.
    /// </summary>
    [Theory]
    [InlineData("save a value")]
    [InlineData("approve a value")]
    [InlineData("write the report")]
    [InlineData("read the overview")]
    [InlineData("export the values")]
    [InlineData("read the audit log")]
    [InlineData("manage users")]
    public async Task ACircuitOfOneProvinceCannotReachAnother(string attempt)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var staff = new TestCaller("staff.laocai@demo.local", new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn"));
        T Use<T>() => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, staff);

        Func<Task> call = attempt switch
        {
            "save a value" => () => Use<SaveValue>().HandleAsync(new SaveValueCommand("phutho", "digital-economy-grdp-share", "2025", 1m, null, null, null)),
            "approve a value" => () => Use<ValueWorkflow>().ApproveAsync(1, null),
            "write the report" => () => Use<ReportNarratives>().SaveAsync(new SaveNarrativeCommand("phutho", "2025", null, "x", null, null)),
            "read the overview" => () => Use<GetProvinceOverview>().HandleAsync("phutho"),
            "export the values" => () => Use<BuildExport>().HandleAsync(new ExportRequest(ExportDatasets.Values, "phutho")),
            "read the audit log" => () => Use<ListAuditLog>().HandleAsync(new AuditFilter("laocai")),
            _ => () => Use<ManageUsers>().ListAsync(),
        };

        var refusal = await Record.ExceptionAsync(call);
        Assert.True(refusal is AccessDeniedException or NotFoundException, $"{attempt}: {refusal?.GetType().Name ?? "allowed"}");
    }

    [Fact]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders()
    {
        using var leader = await portal.CreateClientForAsync("leader.national@demo.local");
        foreach (var path in new[] { "/progress", "/api/v1/progress", "/api/v1/exports/targets.csv", "/app.css", "/no-such-page", $"/exports/jobs/{Guid.NewGuid()}" })
        {
            var response = await leader.GetAsync(path);
            Assert.True(response.Headers.Contains("Content-Security-Policy"), path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            // The circuit's WebSocket goes to the portal itself, never to another host.
            Assert.Contains("connect-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
            // Figures, exports and evidence are never kept by a browser or a proxy; the style sheet may be.
            if (path.StartsWith("/api") || path.StartsWith("/exports")) Assert.True(response.Headers.CacheControl?.NoStore, path);
            if (path == "/app.css") Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        }
    }

}
