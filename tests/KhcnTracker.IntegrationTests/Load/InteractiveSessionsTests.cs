using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Testing.Circuits;

namespace KhcnTracker.IntegrationTests.Load;

/// <summary>
/// The load drill in small (docs/benchmarks.md runs it with 300 sessions for 5 minutes): every role of the three
/// provinces at once, each in its own Blazor circuit driven over the same protocol as the browser, moving through its
/// pages and saving draft values side by side. Nothing fails, every save is written exactly once, the audit chain
/// stays whole, and once the people close their tabs the server holds no circuit of theirs.
/// </summary>
public sealed class InteractiveSessionsTests(PortalOnPort served) : IClassFixture<PortalOnPort>
{
    private static readonly string[] Personas = ["leader", "staff", "reviewer", "auditor", "staff2"];
    private PortalFactory Portal => served.Portal;

    [Fact]
    public async Task EveryRoleOfEveryProvinceWorksSideBySideWithoutAnErrorAndNothingIsWrittenTwice()
    {
        using var circuits = ActiveCircuits();
        var start = Portal.Clock.GetUtcNow(); // the app writes its times from this clock
        var errors = new ConcurrentQueue<string>();
        var saves = new ConcurrentDictionary<string, int>();
        var moves = 0;

        var people = DemoAccounts.Provinces.SelectMany(p => Personas.Select(persona => (persona, province: p))).ToList();
        await Task.WhenAll(people.Select(async (person, i) =>
        {
            var visitor = new PortalVisitor(person.persona, person.province, new Random(i));
            var cookies = await DemoSignIn.CookiesAsync(Portal.RootUrl, $"{person.persona}.{person.province}@demo.local");
            await using var session = await CircuitSession.OpenAsync(Portal.RootUrl, visitor.StartPath, cookies, TimeSpan.FromSeconds(60));
            try
            {
                await session.TimedAsync(() => Task.CompletedTask, _ => visitor.StartShown(session), TimeSpan.FromSeconds(60));
                for (var step = 0; step < 6; step++)
                {
                    foreach (var (_, _, outcome) in await visitor.MoveAsync(session, step))
                    {
                        Interlocked.Increment(ref moves);
                        if (outcome is not null) saves.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                    }
                    await Task.Delay(visitor.Random.Next(100, 400));
                }
            }
            catch (Exception e)
            {
                errors.Enqueue($"{person.persona}.{person.province}: {e.Message}");
            }
            foreach (var error in session.Errors) errors.Enqueue($"{person.persona}.{person.province}: {error}");
        }));

        Assert.Empty(errors);
        Assert.True(moves >= people.Count * 6, $"only {moves} moves were made");
        // Two staff accounts in each of three provinces saved drafts: each save shown as saved is one audited change.
        var saved = saves.GetValueOrDefault("saved");
        Assert.True(saved >= 6, $"saves: {string.Join(", ", saves)}");
        Assert.Equal(saved, await AuditedValueChangesSinceAsync(start));
        Assert.True(await ChainIntactAsync());
        // Every session had its circuit on the server; the tabs are closed and the server let go of every circuit at
        // once, as it does when a browser tab closes.
        Assert.True(circuits.Peak >= people.Count, $"the server counted at most {circuits.Peak} circuits open at once");
        await WaitUntilAsync(() => circuits.Active == 0);
        // The instance status that operators read says the same.
        using var admin = await Portal.CreateClientForAsync("admin@demo.local");
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/instance");
        Assert.Equal(0, status.GetProperty("openCircuits").GetInt32());
        Assert.True(status.GetProperty("managedHeapMb").GetDouble() > 0);
    }

    [Fact]
    public async Task OnlyAdministratorsReadTheInstanceStatus()
    {
        using var staff = await Portal.CreateClientForAsync("staff.laocai@demo.local");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/admin/instance")).StatusCode);
        using var admin = await Portal.CreateClientForAsync("admin@demo.local");
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/instance");
        Assert.True(status.GetProperty("workingSetMb").GetDouble() > 0);
    }

    private async Task<long> AuditedValueChangesSinceAsync(DateTimeOffset start)
    {
        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from audit_log where entity = 'value' and actor like 'staff%' and at >= @start", connection);
        command.Parameters.AddWithValue("start", start);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> ChainIntactAsync()
    {
        using var auditor = await Portal.CreateClientForAsync("auditor.national@demo.local");
        var report = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        return report.GetProperty("intact").GetBoolean();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "the server still holds circuits of closed sessions");
    }

    /// <summary>The framework's own count of this portal's open circuits (its metric <c>aspnetcore.components.circuit.active</c>).</summary>
    private CircuitCount ActiveCircuits() => new(Portal.Services.GetRequiredService<IMeterFactory>());

    private sealed class CircuitCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _active, _peak;

        public CircuitCount(IMeterFactory portalMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == portalMeters && instrument.Name == "aspnetcore.components.circuit.active")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, delta, _, _) =>
            {
                var active = Interlocked.Add(ref _active, delta);
                for (var peak = Interlocked.Read(ref _peak); active > peak; peak = Interlocked.Read(ref _peak))
                    if (Interlocked.CompareExchange(ref _peak, active, peak) == peak) break;
            });
            _listener.Start();
        }

        public long Active => Interlocked.Read(ref _active);
        public long Peak => Interlocked.Read(ref _peak);

        public void Dispose() => _listener.Dispose();
    }
}
