using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Periods;

/// <summary>
/// The portal started as a process of its own runs on the date of the test run (<c>KHCN_TEST_NOW</c>), as the in-process
/// host does. The run's year's periods are removed from its database first: the portal makes them again, as on the first
/// day of a year, only if its clock says that year (at 2027-01-01 00:01 or 2031-07-01 the real clock would not).
/// </summary>
public sealed class PortalProcessClockTests
{
    [Fact]
    public async Task AProcessOfItsOwnListsThePeriodsOfTheRunsYear()
    {
        var thisYear = TestClock.VietnamYear;
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, $"""
            DELETE FROM unit_periods WHERE "PeriodCode" IN ('{thisYear}', '{thisYear}-H1');
            DELETE FROM periods WHERE "Year" = {thisYear};
            """);
        await using var portal = await PortalProcess.StartAsync(connectionString);
        using var reviewer = new HttpClient { BaseAddress = new Uri(portal.Url), Timeout = TimeSpan.FromMinutes(1) };
        await DemoSignIn.BearerAsync(reviewer, "reviewer.laocai@demo.local");

        var periods = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/periods?unit=laocai")).EnumerateArray()
            .Select(p => p.GetProperty("code").GetString()!).ToList();

        Assert.Contains($"{thisYear}", periods);
        Assert.Contains($"{thisYear}-H1", periods);
        Assert.DoesNotContain($"{thisYear + 1}", periods);
        Assert.DoesNotContain($"{thisYear + 1}-H1", periods);
    }
}
