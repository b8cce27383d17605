using System.Diagnostics;
using KhcnTracker.Application.Operations;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KhcnTracker.Web.Hosting;

/// <summary>Counts the circuits open in this instance (one handler for all of them) and reads the process's and the runtime's memory.</summary>
public sealed class InstanceStatusSource : CircuitHandler, IInstanceStatusSource
{
    private int _open;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    public InstanceStatus Read()
    {
        const double mb = 1024 * 1024;
        // The last full collection (blocking or in the background) tells what is really alive; a later young collection
        // still counts the dead old objects it did not look at.
        var (blocking, background) = (GC.GetGCMemoryInfo(GCKind.FullBlocking), GC.GetGCMemoryInfo(GCKind.Background));
        var full = blocking.Index >= background.Index ? blocking : background;
        var gc = full.Index > 0 ? full : GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        return new InstanceStatus(Environment.MachineName, process.StartTime.ToUniversalTime(), Volatile.Read(ref _open), process.WorkingSet64 / mb,
            gc.HeapSizeBytes / mb, gc.TotalCommittedBytes / mb, GC.CollectionCount(2));
    }
}

public static class InstanceStatusRegistration
{
    public static IServiceCollection AddInstanceStatus(this IServiceCollection services)
    {
        services.AddSingleton<InstanceStatusSource>();
        services.AddSingleton<IInstanceStatusSource>(sp => sp.GetRequiredService<InstanceStatusSource>());
        services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<InstanceStatusSource>());
        return services;
    }
}
