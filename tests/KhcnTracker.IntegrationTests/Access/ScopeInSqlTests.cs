using System.Data.Common;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// The caller's scope is part of the query: a province's staff listing values among many provinces' values reads their
/// province's rows from the database and no other (the listing used to read every value and drop the foreign ones in
/// memory, on every navigation).
/// </summary>
public sealed class ScopeInSqlTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] Provinces = ["phutho", "laocai", "quangtri"];
    private const string PastPeriod = "2024";

    /// <summary>Counts the rows every data reader of the listing read from PostgreSQL.</summary>
    private sealed class RowCounter : DbCommandInterceptor
    {
        public int Rows;

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Interlocked.Add(ref Rows, eventData.ReadCount);
            return result;
        }
    }

    [Fact]
    public async Task A_provinces_staff_reads_only_their_provinces_values_from_the_database()
    {
        var perProvince = await SeedAsync();
        var (counter, factory) = Counted();

        var staff = new TestCaller("scope.test@demo.local", new RoleGrant(Role.DepartmentStaff, "laocai", "skhcn"));
        var listed = await ListedAgainAsync(Values(factory, staff), counter);

        Assert.Equal(perProvince, listed.Count);
        Assert.All(listed, v => Assert.Equal("laocai", v.Unit));
        // Each of their rows read once, and the reader's last Read, which finds no further row (the in-memory filter read 3 × 5 + 1).
        Assert.Equal(perProvince + 1, counter.Rows);
    }

    [Fact]
    public async Task A_national_leader_reads_every_provinces_values_and_a_caller_without_grants_reads_none()
    {
        var perProvince = await SeedAsync();
        var (counter, factory) = Counted();

        var national = await ListedAgainAsync(Values(factory, new TestCaller("scope.test@demo.local", new RoleGrant(Role.Leadership))), counter);
        Assert.Equal(Provinces.Order(), national.Select(v => v.Unit).Distinct().Order());
        Assert.Equal(national.Count + 1, counter.Rows);

        Assert.Empty(await Values(factory, new TestCaller("scope.test@demo.local")).HandleAsync(new ValueFilter(Period: PastPeriod)));
    }

    private static readonly ServiceProvider Services = UseCaseServices.Create();

    /// <summary>
    /// The list asked for a second time in the same request or circuit: the first call also read the caller's scope (the
    /// units and their lineage, once per scope), the second reads the values alone.
    /// </summary>
    private static async Task<IReadOnlyList<ValueView>> ListedAgainAsync(ListValues values, RowCounter counter)
    {
        var first = await values.HandleAsync(new ValueFilter(Period: PastPeriod));
        counter.Rows = 0;
        var again = await values.HandleAsync(new ValueFilter(Period: PastPeriod));
        Assert.Equal(first.Select(v => v.Id), again.Select(v => v.Id));
        return again;
    }

    /// <summary>The values list (the Review page's use case) from DI, for <paramref name="caller"/> on the counted database.</summary>
    private static ListValues Values(IAppDbContextFactory factory, TestCaller caller) => Services.CreateScope().Use<ListValues>(caller, factory);

    private (RowCounter Counter, IAppDbContextFactory Factory) Counted()
    {
        var counter = new RowCounter();
        var options = new DbContextOptionsBuilder<AppDbContext>(TestPostgres.Options(database.ConnectionString)).AddInterceptors(counter).Options;
        return (counter, new AppDbContextFactory(new PooledDbContextFactory<AppDbContext>(options)));
    }

    /// <summary>The same approved figures (1: valid for a count, a share and a milestone) for three provinces in a past period, once per class: how many each has.</summary>
    private async Task<int> SeedAsync()
    {
        await using var db = database.CreateContext();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Formula == null).OrderBy(i => i.Code).Select(i => i.Code).Take(5).ToListAsync();
        if (!await db.Values.AnyAsync(v => v.PeriodCode == PastPeriod))
            await ReportingSteps.BackfillApprovedAsync(database.ConnectionString, PastPeriod,
                Provinces.SelectMany(p => indicators.Select(code => (p, code, 1m))).ToArray());
        var counts = await db.Values.Where(v => v.PeriodCode == PastPeriod).GroupBy(v => v.UnitCode).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Provinces.Length, counts.Count);
        Assert.All(counts, c => Assert.Equal(indicators.Count, c));
        return indicators.Count;
    }
}
