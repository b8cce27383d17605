using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail's chain and its append-only rule, enforced by PostgreSQL itself: the app's own role
            // cannot update, delete or truncate audit rows, and every row carries the hash of the one before it.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_row_hash(previous text, seq bigint, at timestamptz, actor text, origin text,
                                               entity text, entity_key text, action text, changes jsonb)
                RETURNS text LANGUAGE sql IMMUTABLE AS $$
                    SELECT encode(sha256(convert_to(concat_ws('|', previous, seq::text,
                        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, origin, entity, entity_key,
                        action, changes::text), 'UTF8')), 'hex')
                $$;

                CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    last_sequence bigint;
                    last_hash text;
                BEGIN
                    -- One writer at a time until commit: the chain has a single order.
                    PERFORM pg_advisory_xact_lock(5757057);
                    SELECT sequence, hash INTO last_sequence, last_hash FROM audit_log ORDER BY sequence DESC LIMIT 1;
                    NEW.sequence := COALESCE(last_sequence, 0) + 1;
                    NEW.previous_hash := COALESCE(last_hash, '');
                    NEW.hash := audit_row_hash(NEW.previous_hash, NEW.sequence, NEW.at, NEW.actor, NEW.origin,
                                               NEW.entity, NEW.entity_key, NEW.action, NEW.changes);
                    RETURN NEW;
                END $$;

                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;

                CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
                CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
                """);


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_log_no_truncate ON audit_log;
                DROP TRIGGER audit_log_no_change ON audit_log;
                DROP TRIGGER audit_log_chain ON audit_log;
                DROP FUNCTION audit_log_append_only();
                DROP FUNCTION audit_log_chain();
                DROP FUNCTION audit_row_hash(text, bigint, timestamptz, text, text, text, text, text, jsonb);
                """);


        }
    }
}
