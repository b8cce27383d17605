using KhcnTracker.Application.Reporting;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Infrastructure.Mail;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace KhcnTracker.Web.Hosting;

/// <summary>When the reminder job runs (<c>Reminders:</c>, docs/operations.md).</summary>
public sealed class ReminderScheduleOptions
{
    /// <summary>Seconds between runs; 0 schedules none (the tests' default: a test that needs the job runs it or turns it on).</summary>
    public int IntervalSeconds { get; set; } = 600;
}

/// <summary>
/// One run of the reminders: for every account that reports for an agency, its notifications are computed as that person
/// (signed in as they would be, under their current security stamp, so their grants are today's) and the e-mails not yet
/// decided are written to the outbox (<see cref="QueueReminders"/>); then the outbox is delivered (<see cref="OutboxDelivery"/>).
/// Safe to run at any time, on any instance, as often as wanted: every occurrence is decided and sent once.
/// </summary>
public sealed class ReminderRun(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, OutboxDelivery delivery, ILogger<ReminderRun> log)
{
    public sealed record Outcome(int Decided, int Delivered);

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        var decided = await DecideAsync(ct);
        var delivered = await delivery.DeliverAsync(ct);
        if (decided + delivered > 0) log.LogInformation("Reminders: {Decided} e-mails decided, {Delivered} delivered", decided, delivered);
        return new Outcome(decided, delivered);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own as the account <paramref name="id"/>, signed in as a sign-in would
    /// make them (their current grants and stamp); nothing (default) for a locked or removed account.
    /// </summary>
    public async Task<T?> AsAccountAsync<T>(Guid id, Func<IServiceProvider, Task<T>> work, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();
        if (await users.FindByIdAsync(id.ToString()) is not { } account || await users.IsLockedOutAsync(account)) return default;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUserAccount>>().CreateAsync(account);
        var caller = scope.ServiceProvider.GetRequiredService<PortalUser>();
        caller.Set(principal, "reminders");
        if (!await caller.RefreshAsync(ct)) return default;
        return await work(scope.ServiceProvider);
    }

    /// <summary>Only the decision (the outbox rows), without delivering: what a crash right after it would leave.</summary>
    public async Task<int> DecideAsync(CancellationToken ct = default)
    {
        List<(Guid Id, List<string> Grants)> accounts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            accounts = (await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Id, u.Grants }).ToListAsync(ct))
                .Select(u => (u.Id, u.Grants)).ToList();
        var decided = 0;
        foreach (var (id, grants) in accounts.Where(a => a.Grants.Select(RoleGrant.Parse).Any(g => g.Role == Role.DepartmentStaff)))
        {
            try
            {
                decided += await AsAccountAsync(id, sp => sp.GetRequiredService<QueueReminders>().HandleAsync(ct), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One person's failure does not stop the others' reminders; the next run tries again.
                log.LogWarning(e, "Reminders for account {Id} not decided", id);
            }
        }
        return decided;
    }
}

/// <summary>The scheduler's reminder job: never two at once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderRun run) : IJob
{
    public static readonly JobKey Key = new("reminders", "mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await run.RunAsync(cancellationToken);
}

public static class ReminderRegistration
{
    /// <summary>The reminders and the scheduler that runs them (off with <c>Scheduler:Enabled=false</c>).</summary>
    public static void AddReminders(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        services.AddSingleton<IMailTexts, Components.Shared.VietnameseMailTexts>();
        services.AddSingleton<ReminderRun>();
        var schedule = builder.Configuration.GetSection(ReminderOptions.Section).Get<ReminderScheduleOptions>() ?? new ReminderScheduleOptions();
        services.AddPortalScheduler(builder.Configuration, connectionString, q =>
        {
            q.AddJob<ReminderJob>(j => j.WithIdentity(Key).StoreDurably().DisallowConcurrentExecution());
            if (schedule.IntervalSeconds > 0)
                q.AddTrigger<IJob>(t => t.WithIdentity("reminders-every", "mail").ForJob(Key)
                    .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(schedule.IntervalSeconds)).RepeatForever()));
        });
    }

    private static JobKey Key => ReminderJob.Key;
}
