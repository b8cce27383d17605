using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decision 0010: rows say what happened in stable words (format 2). Rows already written keep their bytes and
            // their hashes: the new column is filled with 1 for them without rewriting a row (a constant default is
            // metadata only in PostgreSQL, no UPDATE runs, so the append-only triggers are not involved), and they are read
            // through the frozen format-1 translator. The hash of a format-2 row also covers its format, so a row cannot
            // be relabelled from one format to the other without breaking the chain; format-1 rows hash exactly as before.
            migrationBuilder.AddColumn<int>(
                name: "format",
                table: "audit_log",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.Sql("""
                CREATE FUNCTION audit_row_hash(previous text, seq bigint, at timestamptz, actor text, origin text,
                                               entity text, entity_key text, action text, changes jsonb, format integer)
                RETURNS text LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN format = 1
                        THEN audit_row_hash(previous, seq, at, actor, origin, entity, entity_key, action, changes)
                        ELSE encode(sha256(convert_to(concat_ws('|', previous, seq::text,
                            to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, origin, entity, entity_key,
                            action, changes::text, 'format ' || format::text), 'UTF8')), 'hex')
                    END
                $$;

                ALTER TABLE audit_log ADD CONSTRAINT audit_log_known_format CHECK (format IN (1, 2));

                -- A value's story finds the evidence ever attached to it, removed files too, by the value id its rows name.
                CREATE INDEX ix_audit_log_evidence_value ON audit_log ((COALESCE(changes->'value_id'->>1, changes->'value_id'->>0,
                    changes->'ValueId'->>1, changes->'ValueId'->>0))) WHERE entity IN ('evidence', 'Evidence');

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
                                               NEW.entity, NEW.entity_key, NEW.action, NEW.changes, NEW.format);
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

                DROP INDEX ix_audit_log_evidence_value;
                ALTER TABLE audit_log DROP CONSTRAINT audit_log_known_format;
                DROP FUNCTION audit_row_hash(text, bigint, timestamptz, text, text, text, text, text, jsonb, integer);
                """);
            migrationBuilder.DropColumn(
                name: "format",
                table: "audit_log");
        }
    }
}
