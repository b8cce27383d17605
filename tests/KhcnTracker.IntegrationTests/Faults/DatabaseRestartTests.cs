namespace KhcnTracker.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL restarts while people enter values and while an import runs: the portal recovers by itself (its
/// connections retry), an import is all or nothing, and no value is lost or written twice.
/// </summary>
public sealed class DatabaseRestartTests(FaultCluster db) : IClassFixture<FaultCluster>
{
    private static readonly string[] Indicators =
        ["digital-economy-grdp-share", "online-public-service-use", "non-cash-payment-share", "innovating-enterprise-share", "ip-commercialisation-share"];

    [Fact]
    public async Task ValuesEnteredAcrossARestartAreNeitherLostNorDuplicated()
    {
        await using var portal = PortalFactory.OnDatabase(db.ConnectionString);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var entries = Indicators.SelectMany(i => new[] { (Indicator: i, Period: "2025", Value: 40m), (Indicator: i, Period: "2026", Value: 45m) }).ToList();

        var restart = Task.Run(async () =>
        {
            await Task.Delay(150);
            await db.RestartAsync(TimeSpan.FromSeconds(2));
        });
        var refusedWhileDown = 0;
        foreach (var (indicator, period, value) in entries)
        {
            // A person whose save fails while the database is down is told so, and saves again.
            for (var attempt = 1; ; attempt++)
            {
                var response = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period, value, source = "Diễn tập" });
                if (response.IsSuccessStatusCode) break;
                refusedWhileDown++;
                Assert.True(attempt < 20, $"{indicator} {period}: still failing after the restart: {await response.Content.ReadAsStringAsync()}");
                await Task.Delay(500);
            }
            await Task.Delay(100);
        }
        await restart;

        // The portal answers again without being restarted itself.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/health")).StatusCode);
        foreach (var (indicator, period, value) in entries)
        {
            var rows = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{await IdAsync(staff, indicator, period)}/history");
            var only = Assert.Single(rows.EnumerateArray());
            Assert.Equal(value, only.GetProperty("value").GetDecimal());
        }
        Assert.Equal(entries.Count, await db.CountAsync(
            $"SELECT count(*) FROM reported_values WHERE \"UnitCode\" = 'laocai' AND \"Source\" = 'Diễn tập'"));
        Assert.True(refusedWhileDown < entries.Count * 20);
    }

    [Fact]
    public async Task AnImportCutByARestartIsAllOrNothing()
    {
        await using var portal = PortalFactory.OnDatabase(db.ConnectionString);
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");

        var import = staff.PostAsync("/api/v1/values/import", FaultCluster.ImportUpload());
        await db.WaitForImportCopyAsync(import, TimeSpan.FromSeconds(60));
        await db.RestartAsync(TimeSpan.FromSeconds(1));
        var response = await import;

        var written = await db.CountAsync("SELECT count(*) FROM reported_values WHERE \"IndicatorCode\" LIKE 'drill-%'");
        // The transaction was cut: either the portal ran it again once the server was back (all rows), or it said the
        // import failed (no row). Never a part of the file.
        Assert.True(written is 0 or FaultCluster.ImportRows, $"{written} rows written, {response.StatusCode}");
        Assert.Equal(response.IsSuccessStatusCode, written == FaultCluster.ImportRows);
        if (written == 0)
        {
            var again = await staff.PostAsync("/api/v1/values/import", FaultCluster.ImportUpload());
            Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        }
        Assert.Equal(FaultCluster.ImportRows, await db.CountAsync("SELECT count(*) FROM reported_values WHERE \"IndicatorCode\" LIKE 'drill-%'"));
        Assert.Equal(FaultCluster.ImportRows, await db.CountAsync(
            "SELECT count(*) FROM audit_log WHERE entity = 'value' AND changes->'indicator'->>1 LIKE 'drill-%'"));
        using var auditor = await portal.CreateClientForAsync("auditor.national@demo.local");
        Assert.True((await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("intact").GetBoolean());
    }

    private static async Task<int> IdAsync(HttpClient client, string indicator, string period) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit=laocai&indicator={indicator}&period={period}"))
        .EnumerateArray().Single().GetProperty("id").GetInt32();
}
