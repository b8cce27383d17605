namespace KhcnTracker.IntegrationTests.Faults;

/// <summary>
/// The portal's process killed (kill -9) in the middle of an import: after a restart nothing is half-written — the
/// import's values and audit rows are all there or none are, and the audit chain is intact.
/// </summary>
public sealed class AppKilledTests(FaultCluster db) : IClassFixture<FaultCluster>
{
    [Fact]
    public async Task AnImportKilledMidwayLeavesNothingHalfWritten()
    {
        await using (var portal = await PortalProcess.StartAsync(db.ConnectionString))
        {
            using var staff = await SignInAsync(portal.Url, "staff.laocai@demo.local");
            var import = staff.PostAsync("/api/v1/values/import", FaultCluster.ImportUpload());
            await db.WaitForImportCopyAsync(import, TimeSpan.FromSeconds(60));
            await portal.KillAsync();
            await Record.ExceptionAsync(() => import); // the connection dies with the process
        }

        // Killed while its COPY ran, the transaction is gone (in the rare case that the kill landed just after the
        // commit, the import is whole): never a part of the file, never values without their audit rows.
        var values = await db.CountAsync("SELECT count(*) FROM reported_values WHERE \"IndicatorCode\" LIKE 'drill-%'");
        Assert.True(values is 0 or FaultCluster.ImportRows, $"{values} rows half-written");
        Assert.Equal(values, await db.CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'value' AND changes->'indicator'->>1 LIKE 'drill-%'"));

        // Started again, the portal's trail is intact and the same file goes through whole.
        await using (var again = await PortalProcess.StartAsync(db.ConnectionString))
        {
            using var auditor = await SignInAsync(again.Url, "auditor.national@demo.local");
            Assert.True((await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("intact").GetBoolean());
            using var staff = await SignInAsync(again.Url, "staff.laocai@demo.local");
            if (values == 0)
            {
                var import = await staff.PostAsync("/api/v1/values/import", FaultCluster.ImportUpload());
                Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
            }
            Assert.Equal(FaultCluster.ImportRows, await db.CountAsync("SELECT count(*) FROM reported_values WHERE \"IndicatorCode\" LIKE 'drill-%'"));
        }
    }

    private static async Task<HttpClient> SignInAsync(string url, string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        for (var i = 0; ; i++)
        {
            try
            {
                await DemoSignIn.BearerAsync(client, email);
                return client;
            }
            catch (HttpRequestException) when (i < 120)
            {
                await Task.Delay(250); // still starting
            }
        }
    }
}
