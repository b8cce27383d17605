using Microsoft.Extensions.Time.Testing;

namespace KhcnTracker.IntegrationTests.Periods;

/// <summary>
/// The next year's periods appear when the year turns in Vietnam, without a restart: one minute before midnight of
/// 31 December (Vietnam time) there are none; one minute after, the year and its first half exist, open, and the year
/// that ended stays as it was. The year is chosen after the one the template was made in, so it holds any day.
/// </summary>
public sealed class YearTurnTests : IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly int _year = TestClock.VietnamYear + 1;
    private readonly FakeTimeProvider _clock;
    private readonly PortalFactory _portal;

    public YearTurnTests()
    {
        _portal = new PortalFactory();
        _clock = _portal.Clock;
        _clock.SetUtcNow(new DateTimeOffset(_year, 12, 31, 23, 59, 0, Vietnam).ToUniversalTime());
    }

    [Fact]
    public async Task TheNextYearsPeriodsAppearAtMidnightInVietnamAndTheOldYearStaysAsItWas()
    {
        using var reviewer = await _portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var before = await PeriodsAsync(reviewer);
        Assert.Contains($"{_year}", before.Keys);
        Assert.Contains($"{_year}-H1", before.Keys);
        Assert.DoesNotContain($"{_year + 1}", before.Keys);
        Assert.DoesNotContain($"{_year + 1}-H1", before.Keys);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var after = await PeriodsAsync(reviewer);

        Assert.Equal("open", after[$"{_year + 1}"].GetProperty("state").GetString());
        Assert.Equal($"{_year + 2}-01-31", after[$"{_year + 1}"].GetProperty("dueDate").GetString());
        Assert.Equal("open", after[$"{_year + 1}-H1"].GetProperty("state").GetString());
        Assert.Equal($"{_year + 1}-07-31", after[$"{_year + 1}-H1"].GetProperty("dueDate").GetString());
        Assert.DoesNotContain($"{_year + 1}-H2", after.Keys);
        foreach (var code in new[] { $"{_year}", $"{_year}-H1" })
            Assert.Equal(before[code].GetRawText(), after[code].GetRawText());
        Assert.Equal(before.Count + 2, after.Count);

        // Staff see the new year in their worklist; no period was made twice.
        using var staff = await _portal.CreateClientForAsync("staff.laocai@demo.local");
        Assert.Equal(after.Count, (await PeriodsAsync(staff)).Count);
    }

    private static async Task<Dictionary<string, JsonElement>> PeriodsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/periods?unit=laocai")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("code").GetString()!);

    public Task InitializeAsync() => ((IAsyncLifetime)_portal).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();
}
