using Xunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KhcnTracker.Testing;

/// <summary>The real app on its own database. <see cref="StartOnPort"/> serves it on a real loopback port for a browser.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public string RootUrl { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
    }

    public void StartOnPort()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        RootUrl = $"http://127.0.0.1:{port}";
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
