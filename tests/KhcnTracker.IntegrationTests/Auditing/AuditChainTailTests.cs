namespace KhcnTracker.IntegrationTests.Auditing;

/// <summary>
/// The chain trigger carries the chain's tail through a transaction instead of reading it per row (an import appends
/// tens of thousands of rows). What must hold whatever the order of things: a savepoint rolled back takes its rows and
/// the carried tail with it, and a second writer waits for the first to commit, then continues from its last row.
/// </summary>
public sealed class AuditChainTailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task RowsAroundARolledBackSavepointAndFromAWaitingWriterMakeOneUnbrokenChain()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await AppendAsync(first, "first-1");
        await firstTransaction.SaveAsync("s");
        await AppendAsync(first, "rolled-back");
        await firstTransaction.RollbackAsync("s");
        await AppendAsync(first, "first-2");

        // The second writer's first row waits for the chain's lock, held by the first transaction until it commits.
        await using var secondTransaction = await second.BeginTransactionAsync();
        var waiting = AppendAsync(second, "second-1");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await firstTransaction.CommitAsync();
        await waiting;
        await secondTransaction.CommitAsync();

        await using var check = await OpenAsync();
        await using var read = new NpgsqlCommand(
            """
            SELECT entity_key, sequence, previous_hash = lag(hash) OVER (ORDER BY sequence) FROM audit_log
            WHERE entity_key IN ('first-1', 'rolled-back', 'first-2', 'second-1') ORDER BY sequence
            """, check);
        await using var rows = await read.ExecuteReaderAsync();
        var chain = new List<(string Key, long Sequence, bool LinksBack)>();
        while (await rows.ReadAsync()) chain.Add((rows.GetString(0), rows.GetInt64(1), rows.IsDBNull(2) || rows.GetBoolean(2)));
        Assert.Equal(["first-1", "first-2", "second-1"], chain.Select(r => r.Key));
        Assert.Equal([chain[0].Sequence, chain[0].Sequence + 1, chain[0].Sequence + 2], chain.Select(r => r.Sequence));
        Assert.All(chain, r => Assert.True(r.LinksBack));

        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task ATailSetByTheClientIsCheckedNotTrusted()
    {
        await using var connection = await OpenAsync();
        // A tail that is no row of the trail is ignored: the row chains to the real tail.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new NpgsqlCommand("SET LOCAL khcn.audit_tail = '999999999:forged'", connection, transaction).ExecuteNonQueryAsync();
            await AppendAsync(connection, "after-a-forged-tail");
            await transaction.CommitAsync();
        }
        // An older real row as the tail would repeat a sequence: refused, nothing written.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new NpgsqlCommand("SELECT set_config('khcn.audit_tail', sequence || ':' || hash, true) FROM audit_log WHERE sequence = 1",
                connection, transaction).ExecuteNonQueryAsync();
            await Assert.ThrowsAsync<PostgresException>(() => AppendAsync(connection, "after-an-old-tail"));
        }

        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task AFirstRowRolledBackToItsSavepointLetsAnotherWriterInAndTheChainFollows()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var transaction = await first.BeginTransactionAsync();
        await transaction.SaveAsync("s");
        await AppendAsync(first, "undone");
        await transaction.RollbackAsync("s"); // the lock taken after the savepoint goes with it

        await AppendAsync(second, "meanwhile"); // not kept waiting, and committed at once
        await AppendAsync(first, "then");
        await transaction.CommitAsync();

        await AssertChainIntactAsync();
        await using var check = await OpenAsync();
        var keys = new List<string>();
        await using var rows = await new NpgsqlCommand("SELECT entity_key FROM audit_log WHERE entity_key IN ('undone', 'meanwhile', 'then') ORDER BY sequence", check).ExecuteReaderAsync();
        while (await rows.ReadAsync()) keys.Add(rows.GetString(0));
        Assert.Equal(["meanwhile", "then"], keys);
    }

    /// <summary>The national auditor's check of the whole chain finds it intact.</summary>
    private async Task AssertChainIntactAsync()
    {
        using var auditor = await portal.CreateClientForAsync("auditor.national@demo.local");
        var report = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task AppendAsync(NpgsqlConnection connection, string key)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_log (at, actor, origin, entity, entity_key, action, changes, previous_hash, hash)
            VALUES (now(), 'drill', 'test', 'drill', @key, 'create', '{}', '', '')
            """, connection);
        insert.Parameters.AddWithValue("key", key);
        await insert.ExecuteNonQueryAsync();
    }
}
