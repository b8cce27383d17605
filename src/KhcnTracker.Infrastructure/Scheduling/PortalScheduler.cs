using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace KhcnTracker.Infrastructure.Scheduling;

/// <summary>The scheduler's settings (<c>Scheduler:</c>, docs/operations.md).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Off: no scheduler in this process (the tests' default, unless a test turns it on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each instance tells the cluster it is alive; a silent instance's jobs are recovered after about twice this.</summary>
    public int CheckinSeconds { get; set; } = 15;
}

/// <summary>
/// Quartz.NET with its ADO job store on the portal's own PostgreSQL database (the <c>qrtz_</c> tables, provisioned by
/// Quartz itself on first start), clustered: every instance runs a scheduler, a job fires on one of them only, a
/// job that an instance was running when it died is recovered by another, and jobs marked non-concurrent never overlap
/// across the cluster (decision 0011). A feature adds its jobs with <paramref name="jobs"/> (the reminders; the export
/// jobs next).
/// </summary>
public static class PortalScheduler
{
    public const string Name = "khcn";

    public static IServiceCollection AddPortalScheduler(this IServiceCollection services, IConfiguration configuration, string connectionString,
        Action<IQuartzBuilder> jobs)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (!options.Enabled) return services;
        var checkin = TimeSpan.FromSeconds(Math.Max(1, options.CheckinSeconds));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = Name;
                s.GenerateInstanceId = true;
            });
#pragma warning disable RS0030 // Firing times and cluster check-ins are real elapsed time; the app's dates come from its own clock.
            q.UseTimeProvider(TimeProvider.System);
#pragma warning restore RS0030
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(NpgsqlFactory.Instance, connectionString);
                // Quartz 4.7 creates its qrtz_ tables when they are missing (its own DDL, matching its version) and
                // validates them at every start; the first instance on a new database makes them.
                s.ProvisionSchema();
                s.UseClustering(c =>
                {
                    c.CheckinInterval = checkin;
                    c.CheckinMisfireThreshold = checkin * 2;
                });
                s.UseSystemTextJsonSerializer();
            });
            jobs(q);
        });
        // After the application has started: the migrations have run by then.
        services.AddQuartzHostedService(o => (o.WaitForJobsToComplete, o.AwaitApplicationStarted) = (true, true));
        return services;
    }
}
