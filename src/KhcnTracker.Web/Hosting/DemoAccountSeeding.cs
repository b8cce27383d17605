using KhcnTracker.Infrastructure.Identity;

namespace KhcnTracker.Web.Hosting;

/// <summary>Creates the demo accounts after the database is ready. Registered by Program.cs in Development only.</summary>
internal sealed class DemoAccountSeeding(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class DemoAccountSeedingExtensions
{
    public static void AddDemoAccounts(this IServiceCollection services)
    {
        services.AddScoped<DemoAccounts>();
        services.AddHostedService<DemoAccountSeeding>();
    }
}
