using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KhcnTracker.Testing;

/// <summary>The reporting steps tests arrange with: a value reported and approved through the API, or history back-filled.</summary>
public static class ReportingSteps
{
    /// <summary>Staff save and submit a value (a new revision if one is approved), the reviewer approves it; its id.</summary>
    public static async Task<int> ApproveValueAsync(this PortalFactory portal, string staff, string reviewer, string unit, string indicator,
        string period, decimal value, string source = "Cục Thống kê")
    {
        using var staffClient = await portal.CreateClientForAsync($"{staff}@demo.local");
        using var reviewerClient = await portal.CreateClientForAsync($"{reviewer}@demo.local");
        var saved = await staffClient.PostAsJsonAsync("/api/v1/values", new { unit, indicator, period, value, source });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var submitted = await staffClient.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var approved = await reviewerClient.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>
    /// Approved figures of a past period written through the domain (entered, submitted, approved by two people) — the
    /// history of former provinces that nobody can report for any more. The period is opened for the back-fill.
    /// </summary>
    public static async Task BackfillApprovedAsync(string connectionString, string period, params (string Unit, string Indicator, decimal Value)[] values)
    {
        await using var db = new AppDbContext(TestPostgres.Options(connectionString));
        var reportingPeriod = await db.Periods.SingleAsync(p => p.Code == period);
        reportingPeriod.ChangeState(PeriodState.Open);
        var at = TestClock.Shared.GetUtcNow();
        foreach (var (unit, indicatorCode, value) in values)
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Code == indicatorCode);
            var reported = ReportedValue.Draft(unit, indicator, reportingPeriod, value, "Cục Thống kê", null, "backfill.staff@demo.local", at);
            reported.Submit(reportingPeriod, "backfill.staff@demo.local", at);
            reported.Approve(reportingPeriod, "backfill.reviewer@demo.local", at);
            db.Values.Add(reported);
        }
        await db.SaveChangesAsync();
    }
}
