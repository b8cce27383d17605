using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reporting.Import;
using KhcnTracker.Domain.Auditing;
using KhcnTracker.Infrastructure.Auditing;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace KhcnTracker.Infrastructure.Files;

/// <summary>
/// An import's transaction: EF saves what changed; the new values and their audit rows go by binary COPY — the audit
/// rows built by the interceptor's own code, so the trail reads the same whichever way a value came in.
/// </summary>
public sealed class ImportWriter(TimeProvider clock) : IImportWriter
{
    // The id is the database's (HiLo); the model keeps its setter private, as EF itself writes it.
    private static readonly System.Reflection.PropertyInfo IdProperty = typeof(ReportedValue).GetProperty(nameof(ReportedValue.Id))!;

    public async Task SaveAsync(IAppDbContext context, IReadOnlyList<ReportedValue> created, CancellationToken ct)
    {
        var db = (AppDbContext)context;
        // The ids of the whole batch in one query (a HiLo block per sequence value), rather than a round trip per block.
        var ids = await ReserveIdsAsync(db, created.Count, ct);
        // The new values never enter EF's change tracker (50,000 entries cost seconds): the interceptor's own code
        // describes each one from the model, as it would have had EF added it.
        var at = clock.GetUtcNow();
        var type = db.Model.FindEntityType(typeof(ReportedValue))!;
        for (var i = 0; i < created.Count; i++) IdProperty.SetValue(created[i], ids[i]);
        // Described while the values are being copied: the two overlap on two cores.
        var audit = Task.Run(() =>
        {
            var rows = new AuditEntry[created.Count];
            Parallel.For(0, created.Count, i => rows[i] = AuditInterceptor.Created(type, created[i], at, db.Audit));
            return rows;
        }, ct);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The tracked changes stay pending until the commit: a retry after a lost connection saves them again.
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await CopyValuesAsync(connection, created, ct);
            await CopyAuditAsync(connection, await audit, ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.AcceptAllChanges();
    }

    private static async Task<List<int>> ReserveIdsAsync(AppDbContext db, int count, CancellationToken ct)
    {
        var ids = new List<int>(count);
        if (count == 0) return ids;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var increment = new NpgsqlCommand("SELECT increment_by FROM pg_sequences WHERE sequencename = 'reported_values_hilo'", connection);
            var block = (int)(long)(await increment.ExecuteScalarAsync(ct))!;
            await using var reserve = new NpgsqlCommand("SELECT nextval('reported_values_hilo') FROM generate_series(1, $1)", connection);
            reserve.Parameters.AddWithValue((count + block - 1) / block);
            await using var reader = await reserve.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var low = reader.GetInt64(0);
                for (var id = low; id < low + block && ids.Count < count; id++) ids.Add((int)id);
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
        return ids;
    }

    private static async Task CopyValuesAsync(NpgsqlConnection connection, IReadOnlyList<ReportedValue> values, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY reported_values ("Id", "UnitCode", "IndicatorCode", "PeriodCode", "Revision", "Value", "Source", "Note", "Status",
                                  "EnteredBy", "EnteredAt", "Authors") FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var v in values)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(v.Id, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.UnitCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.IndicatorCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.PeriodCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.Revision, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(copy, v.Value, NpgsqlDbType.Numeric, ct);
            await WriteNullableAsync(copy, v.Source, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(copy, v.Note, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.Status.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.EnteredBy, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(v.EnteredAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(v.Authors, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyAuditAsync(NpgsqlConnection connection, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        // The chain trigger numbers and hashes each row as it arrives, exactly as for rows EF inserts.
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY audit_log (at, actor, origin, entity, entity_key, action, changes, format, previous_hash, hash) FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var a in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(a.At, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(a.Actor, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Origin, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Entity, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.EntityKey, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Action, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(a.Changes, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(a.Format, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
