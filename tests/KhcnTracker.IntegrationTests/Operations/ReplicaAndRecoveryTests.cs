namespace KhcnTracker.IntegrationTests.Operations;

/// <summary>
/// Two drills of docs/operations.md, each on PostgreSQL servers of its own: a streaming standby that the exports read
/// from while people write to the primary, and a point-in-time recovery from a base backup and the archived WAL.
/// </summary>
public sealed class ReplicaAndRecoveryTests
{
    private const string Digital = "digital-economy-grdp-share", Online = "online-public-service-use";

    [Fact]
    public async Task ExportsReadTheStandbyWhileEntriesGoToThePrimary()
    {
        var folder = await DrillServer.FolderAsync();
        await using var primary = await DrillServer.CreateAsync(folder, "-c wal_level=replica -c max_wal_senders=5");
        await TestPostgres.MigrateAndLoadAsync(primary.ConnectionString());
        await using var standby = await DrillServer.StartOnAsync(await primary.BaseBackupAsync(folder, "standby", standby: true), "-c hot_standby=on");
        await using var portal = PortalFactory.OnDatabase(primary.ConnectionString(), reports: standby.ConnectionString());

        await ApproveAsync(portal, Digital, 12.5m);
        await CaughtUpAsync(primary, standby);
        using var auditor = await portal.CreateClientForAsync("auditor.national@demo.local");
        Assert.Contains($"{Digital},", await ValuesCsvAsync(auditor));

        // The standby holds still (replay paused): what staff now approve on the primary is not in the export yet,
        // which proves the export reads the standby — and the primary has it.
        await TestPostgres.ExecuteAsync(standby.ConnectionString(), "SELECT pg_wal_replay_pause()");
        await ApproveAsync(portal, Online, 70m);
        Assert.DoesNotContain($"{Online},", await ValuesCsvAsync(auditor));
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        Assert.Equal("approved", (await ValuesAsync(staff, Online)).Single().GetProperty("status").GetString());

        await TestPostgres.ExecuteAsync(standby.ConnectionString(), "SELECT pg_wal_replay_resume()");
        await CaughtUpAsync(primary, standby);
        Assert.Contains($"{Online},", await ValuesCsvAsync(auditor));
    }

    [Fact]
    public async Task ARecoveryToAMomentBringsBackWhatWasThereThenAndNothingAfter()
    {
        var folder = await DrillServer.FolderAsync();
        var archive = Path.Combine(folder, "wal-archive");
        await DrillServer.MakeFolderAsync(archive);
        var primary = await DrillServer.CreateAsync(folder, $"-c wal_level=replica -c archive_mode=on -c archive_command='cp %p {archive}/%f'");
        string moment;
        try
        {
            await TestPostgres.MigrateAndLoadAsync(primary.ConnectionString());
            var baseBackup = await primary.BaseBackupAsync(folder, "base", standby: false);
            await using (var portal = PortalFactory.OnDatabase(primary.ConnectionString()))
            {
                await ApproveAsync(portal, Digital, 12.5m);
                moment = await primary.ScalarAsync<string>("SELECT now()::text");
                await Task.Delay(1500);
                // After the moment: a figure entered by mistake, the kind of thing a recovery to the moment undoes.
                using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
                (await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = Online, period = "2025", value = 7m, source = "nhầm" })).EnsureSuccessStatusCode();
            }
            // Everything written so far goes to the archive, as it would within archive_timeout in production.
            var last = await primary.ScalarAsync<string>("SELECT pg_walfile_name(pg_switch_wal())");
            for (var i = 0; i < 100 && await primary.ScalarAsync<string?>("SELECT last_archived_wal FROM pg_stat_archiver", "postgres") != last; i++)
                await Task.Delay(100);
            await primary.StopAsync(); // the primary is lost

            await DrillServer.PrepareRecoveryAsync(baseBackup, $"""
                restore_command = 'cp {archive}/%f %p'
                recovery_target_time = '{moment}'
                recovery_target_action = 'promote'
                """);
            await using var recovered = await DrillServer.StartOnAsync(baseBackup, "");
            for (var i = 0; i < 300 && await recovered.ScalarAsync<bool>("SELECT pg_is_in_recovery()", "postgres"); i++) await Task.Delay(100);
            Assert.False(await recovered.ScalarAsync<bool>("SELECT pg_is_in_recovery()", "postgres"));

            await using var afterRecovery = PortalFactory.OnDatabase(recovered.ConnectionString());
            using var auditor = await afterRecovery.CreateClientForAsync("auditor.national@demo.local");
            var chain = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
            Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString());
            using var reader = await afterRecovery.CreateClientForAsync("staff.laocai@demo.local");
            var kept = (await ValuesAsync(reader, Digital)).Single();
            Assert.Equal(12.5m, kept.GetProperty("value").GetDecimal());
            Assert.Equal("approved", kept.GetProperty("status").GetString());
            Assert.Empty(await ValuesAsync(reader, Online));
        }
        finally
        {
            await primary.DisposeAsync();
        }
    }

    private static async Task ApproveAsync(PortalFactory portal, string indicator, decimal value)
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period = "2025", value, source = "Cục Thống kê" });
        saved.EnsureSuccessStatusCode();
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();
    }

    private static async Task<List<JsonElement>> ValuesAsync(HttpClient client, string indicator) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit=laocai&indicator={indicator}&period=2025")).EnumerateArray().ToList();

    private static async Task<string> ValuesCsvAsync(HttpClient auditor) =>
        CsvFields.Plain(await auditor.GetStringAsync("/api/v1/exports/values.csv?unit=laocai"));

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    private static async Task CaughtUpAsync(DrillServer primary, DrillServer standby)
    {
        var written = await primary.ScalarAsync<string>("SELECT pg_current_wal_lsn()::text", "postgres");
        for (var i = 0; i < 300; i++)
        {
            if (await standby.ScalarAsync<bool>($"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn", "postgres")) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the standby did not catch up within 30 s");
    }
}
