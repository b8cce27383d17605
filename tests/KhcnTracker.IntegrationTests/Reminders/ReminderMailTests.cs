using System.Text.Json;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KhcnTracker.IntegrationTests.Reminders;

/// <summary>
/// The reminder e-mails, received by a real SMTP server in the test process: a staff member with a value returned, one
/// approved, a period overdue and one due soon gets each of the four e-mails exactly once — however often the job runs,
/// on two instances of one database, across a restart between deciding and sending — and none of a kind they switched off.
/// </summary>
public sealed class ReminderMailTests
{
    private const string Staff = "staff.laocai@demo.local";
    private static readonly string[] Kinds = ["due-soon", "overdue", "returned", "approved"];

    [Fact]
    public async Task Each_of_the_four_emails_arrives_exactly_once_when_the_job_runs_twice()
    {
        await using var smtp = new SmtpSink();
        await using var portal = new PortalFactory { Settings = smtp.Settings() };
        await portal.InitializeAsync();
        var scenario = await ArrangeAsync(portal);
        var run = portal.Services.GetRequiredService<ReminderRun>();

        var first = await run.RunAsync();
        var second = await run.RunAsync();

        AssertEachKindOnce(smtp);
        Assert.True(first.Delivered >= 4, $"first run delivered {first.Delivered}");
        Assert.Equal(new ReminderRun.Outcome(0, 0), second);
        // In Vietnamese, with the link to the exact item.
        var returned = smtp.To(Staff).Single(g => g.Key.StartsWith("returned:", StringComparison.Ordinal)).Single();
        Assert.StartsWith("[KHCN] Bị trả lại:", returned.Subject);
        Assert.Contains($"my-work?period={TestClock.LastYear}&indicator={scenario.Returned}", returned.TextBody);
        Assert.Contains("Sai đơn vị tính", returned.TextBody);
        Assert.Contains("<a href=", returned.HtmlBody);
    }

    [Fact]
    public async Task Two_instances_on_one_database_with_the_clustered_scheduler_send_each_email_once()
    {
        await using var smtp = new SmtpSink();
        var settings = new Dictionary<string, string>(smtp.Settings())
        {
            ["Scheduler:Enabled"] = "true", ["Scheduler:CheckinSeconds"] = "1", ["Reminders:IntervalSeconds"] = "1",
        };
        await using var first = new PortalFactory { Settings = settings };
        await first.InitializeAsync();
        await ArrangeAsync(first);
        await using var second = PortalFactory.OnDatabase(first.ConnectionString, settings: settings);
        _ = second.Services;

        // Both schedulers are in the cluster, and the job fires every second on one of them.
        await WaitUntilAsync(() => Kinds.All(k => smtp.To(Staff).Any(g => g.Key.StartsWith(k + ":", StringComparison.Ordinal))), TimeSpan.FromSeconds(90));
        await WaitUntilAsync(async () => await InstancesAsync(first.ConnectionString) >= 2, TimeSpan.FromSeconds(30));
        // Several more firings: nothing more arrives.
        await Task.Delay(TimeSpan.FromSeconds(5));
        AssertEachKindOnce(smtp);
        Assert.Equal(2, await InstancesAsync(first.ConnectionString));
    }

    [Fact]
    public async Task Across_a_restart_between_deciding_and_sending_nothing_is_lost_and_nothing_sent_twice()
    {
        await using var smtp = new SmtpSink();
        string database;
        await using (var before = new PortalFactory { Settings = smtp.Settings() })
        {
            await before.InitializeAsync();
            database = before.ConnectionString;
            await ArrangeAsync(before);
            // Decided, then the app stops before it delivers.
            Assert.True(await before.Services.GetRequiredService<ReminderRun>().DecideAsync() >= 4);
            Assert.Empty(smtp.Messages);
        }
        await using (var after = PortalFactory.OnDatabase(database, settings: smtp.Settings()))
        {
            var run = after.Services.GetRequiredService<ReminderRun>();
            var outcome = await run.RunAsync();
            Assert.Equal(0, outcome.Decided);
            Assert.True(outcome.Delivered >= 4);
            await run.RunAsync();
            AssertEachKindOnce(smtp);
        }
        // And after a restart once everything was sent: nothing again.
        await using var again = PortalFactory.OnDatabase(database, settings: smtp.Settings());
        Assert.Equal(new ReminderRun.Outcome(0, 0), await again.Services.GetRequiredService<ReminderRun>().RunAsync());
        AssertEachKindOnce(smtp);
    }

    [Fact]
    public async Task A_person_who_switched_a_kind_off_receives_none_of_it()
    {
        await using var smtp = new SmtpSink();
        await using var portal = new PortalFactory { Settings = smtp.Settings() };
        await portal.InitializeAsync();
        await ArrangeAsync(portal);
        var run = portal.Services.GetRequiredService<ReminderRun>();
        var staff = await AccountIdAsync(portal, Staff);
        await run.AsAccountAsync(staff, async sp => { await sp.GetRequiredService<MailPreferences>().SetAsync(MailKind.Returned, false); return 0; });
        var preferences = await run.AsAccountAsync(staff, sp => sp.GetRequiredService<MailPreferences>().GetAsync());

        await run.RunAsync();
        await run.RunAsync();

        Assert.False(preferences![MailKind.Returned]);
        var mine = smtp.To(Staff);
        Assert.DoesNotContain(mine, g => g.Key.StartsWith("returned:", StringComparison.Ordinal));
        Assert.All(["due-soon", "overdue", "approved"], k => Assert.Contains(mine, g => g.Key.StartsWith(k + ":", StringComparison.Ordinal)));
        Assert.All(mine, g => Assert.Single(g));
        // The notification itself still shows in the portal.
        var notifications = await run.AsAccountAsync(staff, sp => sp.GetRequiredService<ListNotifications>().HandleAsync());
        Assert.Contains(notifications!, n => n.Kind == NotificationKind.Returned);
    }

    [Fact]
    public async Task Notifications_carry_time_and_link_and_stay_read_until_a_new_occurrence()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        var scenario = await ArrangeAsync(portal);
        var run = portal.Services.GetRequiredService<ReminderRun>();
        var staff = await AccountIdAsync(portal, Staff);
        Task<IReadOnlyList<Notification>?> ListAsync() => run.AsAccountAsync(staff, sp => sp.GetRequiredService<ListNotifications>().HandleAsync());

        var all = (await ListAsync())!;
        Assert.All(all, n => Assert.False(n.Read));
        var returned = all.Single(n => n.Kind == NotificationKind.Returned);
        Assert.Equal($"my-work?period={TestClock.LastYear}&indicator={scenario.Returned}", returned.Link);
        Assert.Equal(VietnamTime.Today(portal.Clock), DateOnly.FromDateTime(VietnamTime.Of(returned.At).DateTime));
        Assert.Contains(all, n => n.Kind == NotificationKind.Overdue && n.Link == $"my-work?period={TestClock.LastYear}");
        Assert.Contains(all, n => n.Kind == NotificationKind.DueSoon && n.Link == $"my-work?period={scenario.DueSoonPeriod}");

        await run.AsAccountAsync(staff, async sp => { await sp.GetRequiredService<MarkNotificationsRead>().MarkAsync(returned.Key); return 0; });
        all = (await ListAsync())!;
        Assert.True(all.Single(n => n.Key == returned.Key).Read);
        Assert.All(all.Where(n => n.Key != returned.Key), n => Assert.False(n.Read));

        // Corrected, submitted and returned again: a new occurrence, unread.
        await ReturnAsync(portal, scenario.Returned, 0m, "Thiếu nguồn số liệu.");
        all = (await ListAsync())!;
        var again = all.Single(n => n.Kind == NotificationKind.Returned);
        Assert.NotEqual(returned.Key, again.Key);
        Assert.False(again.Read);

        var marked = await run.AsAccountAsync(staff, sp => sp.GetRequiredService<MarkNotificationsRead>().MarkAllAsync());
        Assert.Equal(all.Count(n => !n.Read), marked);
        Assert.All((await ListAsync())!, n => Assert.True(n.Read));
    }

    private sealed record Scenario(string Returned, string Approved, string DueSoonPeriod);

    /// <summary>
    /// For the staff member: a value returned and one approved in last year's period, that period overdue (due two days
    /// ago), and an earlier period open again and due in three days — dates from the app's clock.
    /// </summary>
    private static async Task<Scenario> ArrangeAsync(PortalFactory portal)
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var today = VietnamTime.Today(portal.Clock);
        var (returned, approved) = await TwoIndicatorsOfAsync(portal, Staff, "laocai");
        await ReturnAsync(portal, returned, 1m, "Sai đơn vị tính.");
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", approved, TestClock.LastYear, 1m);

        var dueSoon = $"{TestClock.VietnamYear - 2}";
        var created = await admin.PostAsJsonAsync("/api/v1/periods", new { code = dueSoon, dueDate = today.AddDays(3).ToString("yyyy-MM-dd") });
        Assert.True(created.IsSuccessStatusCode || (int)created.StatusCode == 400, await created.Content.ReadAsStringAsync());
        await ReportingSteps.SetPeriodStateAsync(portal.ConnectionString, "laocai", dueSoon, PeriodState.Open);
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var dates = new NpgsqlCommand("""
            UPDATE periods SET "DueOn" = @overdue WHERE "Code" = @last;
            UPDATE periods SET "DueOn" = @soon WHERE "Code" = @soonCode;
            """, connection);
        dates.Parameters.AddWithValue("overdue", today.AddDays(-2));
        dates.Parameters.AddWithValue("last", TestClock.LastYear);
        dates.Parameters.AddWithValue("soon", today.AddDays(3));
        dates.Parameters.AddWithValue("soonCode", dueSoon);
        await dates.ExecuteNonQueryAsync();
        return new Scenario(returned, approved, dueSoon);
    }

    private static async Task ReturnAsync(PortalFactory portal, string indicator, decimal value, string reason)
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period = TestClock.LastYear, value, source = "Cục Thống kê" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var submitted = await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var back = await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason });
        Assert.True(back.IsSuccessStatusCode, await back.Content.ReadAsStringAsync());
    }

    /// <summary>Two indicators the account reports yearly for the province (from its grant and the assignments).</summary>
    private static async Task<(string, string)> TwoIndicatorsOfAsync(PortalFactory portal, string email, string unit)
    {
        await using var db = new AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var agency = account.Grants.Select(RoleGrant.Parse).First(g => g.Role == Role.DepartmentStaff && g.UnitCode == unit).AgencyCode;
        var assigned = await db.Assignments.AsNoTracking().Where(a => a.UnitCode == unit && a.AgencyCode == agency).Select(a => a.IndicatorCode).ToListAsync();
        var codes = (await db.Indicators.AsNoTracking().Where(i => assigned.Contains(i.Code)).ToListAsync())
            .Where(i => !i.IsComputed && !i.IsRetired).Select(i => i.Code).Order(StringComparer.Ordinal).Take(2).ToList();
        Assert.Equal(2, codes.Count);
        return (codes[0], codes[1]);
    }

    private static async Task<Guid> AccountIdAsync(PortalFactory portal, string email)
    {
        await using var db = new AppDbContext(TestPostgres.Options(portal.ConnectionString));
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Each of the four kinds received (overdue once per overdue period), and no notification received twice.</summary>
    private static void AssertEachKindOnce(SmtpSink smtp)
    {
        var mine = smtp.To(Staff);
        Assert.All(Kinds, k => Assert.Contains(mine, g => g.Key.StartsWith(k + ":", StringComparison.Ordinal)));
        Assert.All(mine, g => Assert.Single(g));
        Assert.All(smtp.Messages.GroupBy(m => (m.To.ToString(), m.Headers["X-Khcn-Notification"])), g => Assert.Single(g));
    }

    private static Task<long> InstancesAsync(string connectionString) => ScalarAsync(connectionString, "SELECT count(*) FROM qrtz_scheduler_state");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task WaitUntilAsync(Func<bool> done, TimeSpan timeout) => WaitUntilAsync(() => Task.FromResult(done()), timeout);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var end = DateTimeOffset.UtcNow + timeout;
        while (!await done())
        {
            Assert.True(DateTimeOffset.UtcNow < end, "not in time");
            await Task.Delay(250);
        }
    }
}
