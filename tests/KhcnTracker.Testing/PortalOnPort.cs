using Xunit;

namespace KhcnTracker.Testing;

/// <summary>The app served on a real loopback port, one per test class: for clients that speak HTTP and WebSockets themselves.</summary>
public sealed class PortalOnPort : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Portal).InitializeAsync();
        Portal.StartOnPort();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Portal).DisposeAsync();
}
