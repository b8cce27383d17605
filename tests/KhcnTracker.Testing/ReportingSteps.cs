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
    /// History entered as officials enter it, through the API: the administrator creates the past period if it is
    /// missing and opens it for the province, staff enter and submit the figure, the reviewer approves it; its id.
    /// </summary>
    public static async Task<int> BackfillThroughReviewAsync(this PortalFactory portal, string staff, string reviewer, string unit,
        string indicator, string period, decimal value)
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var (year, half) = ReportingPeriod.Parse(period);
        var due = half == 1 ? new DateOnly(year, 7, 31) : new DateOnly(year + 1, 1, 31);
        var created = await admin.PostAsJsonAsync("/api/v1/periods", new { code = period, dueDate = due.ToString("yyyy-MM-dd") });
        Assert.True(created.IsSuccessStatusCode || (int)created.StatusCode == 400, await created.Content.ReadAsStringAsync());
        var periods = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={unit}");
        var state = periods.EnumerateArray().Single(p => p.GetProperty("code").GetString() == period).GetProperty("state").GetString();
        if (state != "open")
        {
            var opened = await admin.PostAsJsonAsync($"/api/v1/periods/{period}/open", new { unit, reason = "Nhập số liệu lịch sử (số liệu gốc)" });
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        }
        return await portal.ApproveValueAsync(staff, reviewer, unit, indicator, period, value);
    }


    /// <summary>Puts a province's period in a state, as its reviewer would (made for the province if it had no state yet).</summary>
    public static async Task SetPeriodStateAsync(string connectionString, string unit, string period, PeriodState state)
    {
        await using var db = new AppDbContext(TestPostgres.Options(connectionString));
        var unitPeriod = await db.UnitPeriods.SingleOrDefaultAsync(p => p.UnitCode == unit && p.PeriodCode == period);
        if (unitPeriod is null)
            db.UnitPeriods.Add(unitPeriod = new UnitPeriod(await db.Periods.SingleAsync(p => p.Code == period), unit, PeriodState.Open));
        if (unitPeriod.State == state) return;
        var (reason, by, at) = ("Kiểm thử trạng thái kỳ", "reviewer.test@demo.local", TestClock.Shared.GetUtcNow());
        if (state == PeriodState.Open) unitPeriod.Open(reason, by, at);
        else if (state == PeriodState.Closed) unitPeriod.Close(reason, by, at);
        else unitPeriod.Lock(reason, by, at);
        await db.SaveChangesAsync();
    }
    /// <summary>
    /// Approved figures of a past period written through the domain (entered, submitted, approved by two people) — the
    /// history of former provinces that nobody can report for any more, so no use case can enter it. The province's
    /// period is opened for the back-fill through the domain's own transition (audited like any other).
    /// </summary>
    public static async Task BackfillApprovedAsync(string connectionString, string period, params (string Unit, string Indicator, decimal Value)[] values)
    {
        await using var db = new AppDbContext(TestPostgres.Options(connectionString));
        var at = TestClock.Shared.GetUtcNow();
        foreach (var (unit, indicatorCode, value) in values)
        {
            var unitPeriod = await db.UnitPeriods.SingleOrDefaultAsync(p => p.UnitCode == unit && p.PeriodCode == period);
            if (unitPeriod is null)
                db.UnitPeriods.Add(unitPeriod = new UnitPeriod(await db.Periods.SingleAsync(p => p.Code == period), unit, PeriodState.Closed));
            if (unitPeriod.State != PeriodState.Open) unitPeriod.Open("Nhập số liệu lịch sử của tỉnh cũ", "backfill.admin@demo.local", at);
            var indicator = await db.Indicators.SingleAsync(i => i.Code == indicatorCode);
            var reported = ReportedValue.Draft(unit, indicator, unitPeriod, value, "Cục Thống kê", null, "backfill.staff@demo.local", at);
            reported.Submit(unitPeriod, "backfill.staff@demo.local", at);
            reported.Approve(unitPeriod, "backfill.reviewer@demo.local", at);
            db.Values.Add(reported);
        }
        await db.SaveChangesAsync();
    }
}
