using KhcnTracker.Application.Auditing;
using KhcnTracker.Infrastructure.Persistence;
using Npgsql;

namespace KhcnTracker.Infrastructure.Auditing;

/// <summary>
/// Recomputes every row's hash with the same database function that wrote it and follows the links in order: an altered
/// row no longer matches its hash; a removed row leaves a gap in the sequence or a link to a hash that is not there.
/// </summary>
public sealed class AuditChain(IDbContextFactory<AppDbContext> factory, TimeProvider clock) : IAuditChain
{
    private const string Sql = """
        SELECT sequence, previous_hash, hash,
               audit_row_hash(previous_hash, sequence, at, actor, origin, entity, entity_key, action, changes, format) AS expected
        FROM audit_log ORDER BY sequence
        """;

    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long checkedRows = 0, expectedSequence = 1;
        var previousHash = "";
        while (await reader.ReadAsync(ct))
        {
            var (sequence, linkedHash, hash, recomputed) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            var problem = sequence != expectedSequence ? $"rows {expectedSequence}–{sequence - 1} are missing"
                : linkedHash != previousHash ? "its link does not match the previous row's hash"
                : hash != recomputed ? "its content does not match its hash"
                : null;
            if (problem is not null)
                return new AuditChainReport(false, checkedRows, Math.Min(sequence, expectedSequence), problem, clock.GetUtcNow());
            (previousHash, expectedSequence) = (hash, sequence + 1);
            checkedRows++;
        }
        return new AuditChainReport(true, checkedRows, null, null, clock.GetUtcNow());
    }
}
