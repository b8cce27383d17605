namespace KhcnTracker.Testing;

/// <summary>
/// Bulk data for the fault drills and the import benchmark: the ten years after the run's (each year and its first
/// half; after it, so that they never clash with the periods the portal makes up to this year), open in every unit, and <c>count</c> percent indicators coded <c>prefix</c> + a zero-padded number, assigned to Lào
/// Cai's Department of Science and Technology.
/// </summary>
public static class DrillData
{
    public static int FirstYear { get; } = TestClock.VietnamYear + 1;

    public static Task SeedAsync(string connectionString, string prefix, int digits, int count) =>
        TestPostgres.ExecuteAsync(connectionString, $"""
            INSERT INTO periods ("Code", "Year", "Half", "DueOn")
            SELECT y::text || h, y, CASE WHEN h = '' THEN NULL ELSE 1 END, make_date(y + 1, 1, 31)
            FROM generate_series({FirstYear}, {FirstYear + 9}) y, (VALUES (''), ('-H1')) p(h);
            INSERT INTO unit_periods ("UnitCode", "PeriodCode", "State")
            SELECT u."Code", p."Code", 'Open' FROM units u, periods p WHERE p."Year" BETWEEN {FirstYear} AND {FirstYear + 9};
            INSERT INTO indicators ("Code", "NameVi", "NameEn", "Areas", "Measure", "Direction", "Decimals", "AllowsOver100", "ReportsHalfYearly", "IsRetired", "EditedByUser", "SearchText")
            SELECT '{prefix}' || lpad(i::text, {digits}, '0'), 'Chỉ số diễn tập ' || i, 'Drill ' || i, 4, 'Percent', 'HigherIsBetter', 1, false, true, false, false, 'chi so dien tap ' || i
            FROM generate_series(0, {count - 1}) i;
            INSERT INTO assignments ("UnitCode", "IndicatorCode", "AgencyCode")
            SELECT 'laocai', '{prefix}' || lpad(i::text, {digits}, '0'), 'skhcn' FROM generate_series(0, {count - 1}) i;
            """);
}
