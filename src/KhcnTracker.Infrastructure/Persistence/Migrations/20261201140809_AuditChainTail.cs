using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainTail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same chain, the same hashes. What changes: a transaction that appends many rows (an import) no longer
            // finds the chain's tail by scanning back through the index for every row — most of an import's audit time.
            // Each row leaves its sequence and hash in a transaction-local setting; the next row takes the writers' lock
            // as before, checks that the remembered row exists with that hash (one exact key probe) and continues from
            // it. The setting is undone with the transaction and with a rolled-back savepoint. A client that sets it
            // itself gains nothing: a tail that is not a real row is ignored, and an older real row would give a
            // sequence that already exists, which the primary key refuses.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    tail text := current_setting('khcn.audit_tail', true);
                    last_sequence bigint;
                    last_hash text;
                BEGIN
                    -- One writer at a time until commit: the chain has a single order.
                    PERFORM pg_advisory_xact_lock(5757057);
                    IF tail IS NOT NULL AND tail <> '' THEN
                        last_sequence := split_part(tail, ':', 1)::bigint;
                        last_hash := split_part(tail, ':', 2);
                        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE sequence = last_sequence AND hash = last_hash) THEN
                            last_sequence := NULL;
                        END IF;
                    END IF;
                    IF last_sequence IS NULL THEN
                        SELECT sequence, hash INTO last_sequence, last_hash FROM audit_log ORDER BY sequence DESC LIMIT 1;
                    END IF;
                    NEW.sequence := COALESCE(last_sequence, 0) + 1;
                    NEW.previous_hash := COALESCE(last_hash, '');
                    NEW.hash := audit_row_hash(NEW.previous_hash, NEW.sequence, NEW.at, NEW.actor, NEW.origin,
                                               NEW.entity, NEW.entity_key, NEW.action, NEW.changes);
                    PERFORM set_config('khcn.audit_tail', NEW.sequence || ':' || NEW.hash, true);
                    RETURN NEW;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    last_sequence bigint;
                    last_hash text;
                BEGIN
                    PERFORM pg_advisory_xact_lock(5757057);
                    SELECT sequence, hash INTO last_sequence, last_hash FROM audit_log ORDER BY sequence DESC LIMIT 1;
                    NEW.sequence := COALESCE(last_sequence, 0) + 1;
                    NEW.previous_hash := COALESCE(last_hash, '');
                    NEW.hash := audit_row_hash(NEW.previous_hash, NEW.sequence, NEW.at, NEW.actor, NEW.origin,
                                               NEW.entity, NEW.entity_key, NEW.action, NEW.changes);
                    RETURN NEW;
                END $$;
                """);
        }
    }
}
