using KhcnTracker.Application.Progress;
using KhcnTracker.Testing;
using Npgsql;

namespace KhcnTracker.Benchmarks;

/// <summary>
/// The national-scale data set of the benchmarks and load drills: 34 provinces × 300 indicators × 15 years, half-yearly
/// (321,300 value rows with revisions, 10,200 targets) and, with history, about a million chained audit rows.
/// Generated in PostgreSQL (INSERT … SELECT), on top of the real catalogue, in about 10 s (40 s with history).
/// <c>dotnet run -c Release --project tests/KhcnTracker.Benchmarks -- generate "Host=…;Database=…"</c> fills any
/// portal database with it.
/// </summary>
public static class NationalData
{
    public const int Provinces = 34, Indicators = 300, FirstYear = 2012, Years = 15;

    /// <summary>
    /// The five real headline indicators plus generated ones make 300; every province has a 2030 target for each; values
    /// for 2012–2026, yearly and first half-year, all approved, one in twenty revised and approved again; with history,
    /// each value's audit rows as the portal writes them (created, submitted, approved).
    /// </summary>
    public static async Task SeedAsync(string connectionString, bool withHistory)
    {
        var headlines = string.Join(", ", ProgressWords.Headlines.Select(h => $"('{h}')"));
        await TestPostgres.ExecuteAsync(connectionString, $"""
            INSERT INTO periods ("Code", "Year", "Half", "DueOn")
            SELECT y::text || h, y, CASE WHEN h = '' THEN NULL ELSE 1 END, make_date(y + 1, 1, 31)
            FROM generate_series({FirstYear}, {FirstYear + Years - 1}) y, (VALUES (''), ('-H1')) p(h)
            ON CONFLICT DO NOTHING;
            INSERT INTO units ("Code", "NameVi", "NameEn", "Level", "SearchText")
            SELECT 'bench-p' || lpad(p::text, 2, '0'), 'Tỉnh thử ' || p, 'Test province ' || p, 'Province', 'tinh thu ' || p
            FROM generate_series(1, {Provinces}) p;
            INSERT INTO unit_periods ("UnitCode", "PeriodCode", "State")
            SELECT u."Code", p."Code", 'Locked' FROM units u, periods p WHERE p."Year" BETWEEN {FirstYear} AND {FirstYear + Years - 1}
            ON CONFLICT DO NOTHING;
            INSERT INTO indicators ("Code", "NameVi", "NameEn", "Areas", "Measure", "Direction", "Decimals", "AllowsOver100", "ReportsHalfYearly", "IsRetired", "EditedByUser", "SearchText")
            SELECT 'bench-' || lpad(i::text, 3, '0'), 'Chỉ số thử ' || i, 'Benchmark ' || i, 1 << (i % 3), 'Percent', 'HigherIsBetter', 1, false, true, false, false, 'chi so thu ' || i
            FROM generate_series(1, {Indicators - ProgressWords.Headlines.Count}) i;
            CREATE TEMP TABLE bench_indicators AS
            SELECT "Code" FROM indicators WHERE "Code" LIKE 'bench-%' UNION ALL SELECT h FROM (VALUES {headlines}) v(h);
            INSERT INTO targets ("Id", "DocumentCode", "UnitCode", "IndicatorCode", "Year", "Comparator", "Value", "ToBeConfirmed", "IsRetired", "EditedByUser", "SearchText")
            SELECT 1000000 + row_number() OVER (), 'nq57-tw', u."Code", i."Code", 2030, 'AtLeast', 60 + (hashtext(u."Code" || i."Code") & 31), false, false, false, ''
            FROM units u, bench_indicators i WHERE u."Code" LIKE 'bench-p%';
            INSERT INTO reported_values ("Id", "UnitCode", "IndicatorCode", "PeriodCode", "Revision", "Value", "Status", "EnteredBy", "EnteredAt", "SubmittedBy", "ReviewedBy", "ReviewedAt")
            SELECT 1000000 + row_number() OVER (), u."Code", i."Code", p."Code", 1,
                   round((20 + (p."Year" - {FirstYear}) * (1 + (hashtext(u."Code" || i."Code") & 3)) + (hashtext(u."Code" || i."Code" || p."Code") & 7))::numeric, 1),
                   'Approved', 'staff@bench', now(), 'staff@bench', 'reviewer@bench', now()
            FROM units u, bench_indicators i, periods p
            WHERE u."Code" LIKE 'bench-p%' AND p."Year" BETWEEN {FirstYear} AND {FirstYear + Years - 1};
            INSERT INTO reported_values ("Id", "UnitCode", "IndicatorCode", "PeriodCode", "Revision", "Value", "Status", "EnteredBy", "EnteredAt", "SubmittedBy", "ReviewedBy", "ReviewedAt")
            SELECT 3000000 + row_number() OVER (), "UnitCode", "IndicatorCode", "PeriodCode", 2, "Value" + 0.5, 'Approved', 'staff@bench', now(), 'staff@bench', 'reviewer@bench', now()
            FROM reported_values WHERE "Id" % 20 = 0 AND "UnitCode" LIKE 'bench-p%';
            """);
        if (withHistory) await HistoryAsync(connectionString);
        await TestPostgres.ExecuteAsync(connectionString, "VACUUM ANALYZE");
    }

    /// <summary>Each generated value's history: created as a draft, submitted, approved — three chained audit rows.</summary>
    private static async Task HistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A million rows through the chain trigger: longer than a command's default 30 s.
        await using var command = new NpgsqlCommand(HistorySql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private const string HistorySql = """
        INSERT INTO audit_log (at, actor, origin, entity, entity_key, action, changes)
        SELECT t.at, t.actor, 'benchmark', 'ReportedValue', v."Id"::text, t.action, t.changes
        FROM reported_values v
        CROSS JOIN LATERAL (VALUES
            (1, now() - interval '3 hours', 'staff@bench', 'create', jsonb_build_object(
                'Id', jsonb_build_array(null, v."Id"), 'UnitCode', jsonb_build_array(null, v."UnitCode"),
                'IndicatorCode', jsonb_build_array(null, v."IndicatorCode"), 'PeriodCode', jsonb_build_array(null, v."PeriodCode"),
                'Revision', jsonb_build_array(null, v."Revision"), 'Value', jsonb_build_array(null, v."Value"), 'Status', jsonb_build_array(null, 0),
                'Source', jsonb_build_array(null, 'Cục Thống kê'), 'EnteredBy', jsonb_build_array(null, 'staff@bench'),
                'EnteredAt', jsonb_build_array(null, to_jsonb(now() - interval '3 hours')))),
            (2, now() - interval '2 hours', 'staff@bench', 'update', jsonb_build_object(
                'Status', jsonb_build_array(0, 1), 'SubmittedBy', jsonb_build_array(null, 'staff@bench'),
                'SubmittedAt', jsonb_build_array(null, to_jsonb(now() - interval '2 hours')))),
            (3, now() - interval '1 hour', 'reviewer@bench', 'update', jsonb_build_object(
                'Status', jsonb_build_array(1, 2), 'ReviewedBy', jsonb_build_array(null, 'reviewer@bench'),
                'ReviewedAt', jsonb_build_array(null, to_jsonb(now() - interval '1 hour'))))
        ) AS t(step, at, actor, action, changes)
        WHERE v."UnitCode" LIKE 'bench-p%'
        ORDER BY v."Id", t.step;
        """;
}
