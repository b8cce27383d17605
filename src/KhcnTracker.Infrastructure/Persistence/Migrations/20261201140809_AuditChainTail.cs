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
            // The same chain, the same hashes. What changes: a transaction that appends many rows (an import) reads the
            // chain's tail from the table once, when it takes the writers' lock, and then carries it in a
            // transaction-local setting — reading the newest row back through the index for every row cost most of an
            // import's audit time. The setting is undone with the transaction and with a rolled-back savepoint, and the
            // lock keeps every other writer out until commit, so the carried tail is always the real one.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    tail text := current_setting('khcn.audit_tail', true);
                    last_sequence bigint;
                    last_hash text;
                BEGIN
                    IF tail IS NULL OR tail = '' THEN
                        -- One writer at a time until commit: the chain has a single order.
                        PERFORM pg_advisory_xact_lock(5757057);
                        SELECT sequence, hash INTO last_sequence, last_hash FROM audit_log ORDER BY sequence DESC LIMIT 1;
                    ELSE
                        last_sequence := split_part(tail, ':', 1)::bigint;
                        last_hash := split_part(tail, ':', 2);
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
