namespace KhcnTracker.Infrastructure.Persistence;

/// <summary>
/// The rights of the role the portal serves as (<c>Database:AppRole</c>), given by the migrating owner after every
/// migrate: read and write the portal's tables, append to the audit trail and read it, nothing more. The role owns
/// nothing, so it can neither <c>ALTER</c> (disable the chain's triggers) nor <c>TRUNCATE</c>, and it has no
/// <c>UPDATE</c>/<c>DELETE</c> on <c>audit_log</c> at all — the append-only triggers are a second wall, not the only one.
/// Default privileges cover tables a later migration creates even when it is applied by another tool.
/// </summary>
public static class AppRoleGrants
{
    public static async Task ApplyAsync(AppDbContext db, string role, CancellationToken ct)
    {
        // The role is created by the operator (deploy/postgres/roles.sh) with its own password; this step only grants.
        // It is bound as a parameter and quoted with %I inside the DO block: a setting never becomes SQL.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('khcn.app_role', {0}, false)", [role], ct);
            await db.Database.ExecuteSqlRawAsync(Sql, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string Sql = """
        DO $$
        DECLARE
            app text := current_setting('khcn.app_role');
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
                RAISE EXCEPTION 'The application role "%" does not exist: create it first (deploy/postgres/roles.sh)', app;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app AND (rolsuper OR rolbypassrls))
               OR pg_has_role(app, current_user, 'USAGE') THEN
                RAISE EXCEPTION 'The application role "%" must not be a superuser nor a member of the owner "%"', app, current_user;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = app) THEN
                RAISE EXCEPTION 'The application role "%" owns tables: the schema must belong to the migrating role', app;
            END IF;

            -- Nobody else creates objects in the schema (already so since PostgreSQL 15; said again for upgraded clusters).
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), app);
            EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);

            -- From scratch each time, so a right taken away here is taken away in every database.
            EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
            EXECUTE format('REVOKE UPDATE, DELETE ON audit_log FROM %I', app);
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM %I', app);
            EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);

            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
        END $$;
        """;
}
