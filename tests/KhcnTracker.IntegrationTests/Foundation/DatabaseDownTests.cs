using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;

namespace KhcnTracker.IntegrationTests.Foundation;

/// <summary>A load balancer asks /health: with the database gone the answer is "Unhealthy", and it comes quickly.</summary>
public sealed class DatabaseDownTests
{
    [Fact]
    public async Task HealthAnswersUnhealthyWithinFiveSecondsWhenTheDatabaseIsDown()
    {
        // A port nobody listens on: the database is down (the connection retries would take ~27 s without the check's timeout).
        var down = new NpgsqlConnectionStringBuilder(await TestPostgres.ServerAsync()) { Port = PortalFactory.FreePort(), Database = "khcn" }.ConnectionString;
        await using var factory = PortalFactory.OnDatabase(down);
        // Production: no demo accounts to seed at start-up, so the portal starts without its database, as a restarted
        // instance does during an outage.
        using var client = factory.WithWebHostBuilder(b => b.UseEnvironment("Production")
            .UseSetting("Database:MigrateOnStart", "false")
            .UseSetting("Database:LoadCatalogueOnStart", "false")).CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        // The process is up (the first request pays for starting the pipeline, which is not what a load balancer waits on).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync("/health");
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"/health took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
