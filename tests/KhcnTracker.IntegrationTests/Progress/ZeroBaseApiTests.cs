using System.Globalization;
using System.Text.Json;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Progress;

/// <summary>
/// A base of 0 over the API is "not computable" with the reason and the figures, not an R from 0.001 (its own database:
/// it writes the same target's values as <see cref="StatusWordsApiTests"/>).
/// </summary>
public sealed class ZeroBaseApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AZeroBase_IsNotComputable_WithTheReasonAndTheFigures()
    {
        // 0 % (the year before) → 15 % (last year). Replacing the 0 by 0.001 would give CAGRᵢ = 15 000 − 1 and an R in
        // the thousands: instead not computable, rule zero-base, no R.
        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", StatusWordsApiTests.Indicator, StatusWordsApiTests.YearBefore, 0m);
        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", StatusWordsApiTests.Indicator, StatusWordsApiTests.LastYear, 15m);
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");

        var target = await StatusWordsApiTests.TargetAsync(leader);

        Assert.Equal("not_computable", target.GetProperty("status").GetString());
        Assert.Equal("zero-base", target.GetProperty("rule").GetString());
        Assert.Equal(decimal.Parse(StatusWordsApiTests.YearBefore, CultureInfo.InvariantCulture), target.GetProperty("baseYear").GetDecimal());
        Assert.Equal(0m, target.GetProperty("baseValue").GetDecimal());
        Assert.Equal(15m, target.GetProperty("latestValue").GetDecimal());
        Assert.Equal(StatusWordsApiTests.Ahead.Aimed, target.GetProperty("aimedValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("currentGrowth").ValueKind);
        Assert.Equal(JsonValueKind.Null, target.GetProperty("ratio").ValueKind);
    }
}
