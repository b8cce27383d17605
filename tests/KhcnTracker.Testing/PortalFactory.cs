using Xunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KhcnTracker.Testing;

/// <summary>The real app on its own database. <see cref="StartOnPort"/> serves it on a real loopback port for a browser.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    private string? _reportsConnectionString;
    public string RootUrl { get; private set; } = "";

    /// <summary>The host's environment: Development (plain http on loopback, demo accounts) unless a test asks for Production.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>
    /// Settings a test adds (e.g. <c>Scheduler:Enabled</c>, <c>Smtp:Port</c>). By default the scheduler is off and the
    /// reminder job unscheduled, so the hundreds of portals the suite starts do not poll the database.
    /// </summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>The app's clock: starts at <see cref="TestClock.Start"/>; a test may advance it (the turn of a year).</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    /// <summary>Where this instance keeps its files; evidence lives under <see cref="EvidenceFolder"/>.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "khcn-test-files", Guid.NewGuid().ToString("N"));

    public string EvidenceFolder => Path.Combine(DataFolder, "files");

    /// <summary>Every file in the evidence store (the staging folder included), to compare before and after an action.</summary>
    public IReadOnlyList<string> EvidenceFiles() => Directory.Exists(EvidenceFolder)
        ? [.. Directory.EnumerateFiles(EvidenceFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : [];

    public async Task InitializeAsync()
    {
        if (ConnectionString.Length == 0) ConnectionString = await TestPostgres.CreateDatabaseAsync();
    }

    /// <summary>Another app instance on an existing database: a restart, or a second node behind a load balancer.</summary>
    /// <param name="reports">A replica for the exports and reports to read (<c>ConnectionStrings:Reports</c>).</param>
    public static PortalFactory OnDatabase(string connectionString, string? reports = null, Dictionary<string, string>? settings = null) =>
        new() { ConnectionString = connectionString, _reportsConnectionString = reports, Settings = settings ?? [] };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        if (_reportsConnectionString is not null) builder.UseSetting("ConnectionStrings:Reports", _reportsConnectionString);
        // Evidence files of a test run go to a temporary folder, never into the source tree.
        // The suite signs in hundreds of times from one address: the rate limits are raised except where a test sets its own.
        foreach (var (key, value) in RaisedRateLimits) builder.UseSetting(key.Replace("__", ":"), value);
        builder.UseSetting("Embedded:DataFolder", DataFolder);
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Reminders:IntervalSeconds", "0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeWithRealTimers(Clock));
        });
    }

    /// <summary>Rate limits no test reaches unless it means to (as environment variables; ':' written '__').</summary>
    public static readonly IReadOnlyDictionary<string, string> RaisedRateLimits = new Dictionary<string, string>
    {
        ["RateLimits__SignInPerIpPerMinute"] = "1000000", ["RateLimits__SignInPerAccountPer15Minutes"] = "1000000",
        ["RateLimits__ExportsPerUserPerMinute"] = "1000000", ["RateLimits__ReportsPerUserPerMinute"] = "1000000",
    };

    public const string DemoPassword = "Demo@12345";

    /// <summary>A client signed in as a demo account with a bearer token from <c>POST /api/v1/auth/login</c>.</summary>
    public async Task<HttpClient> CreateClientForAsync(string email)
    {
        var client = CreateClient();
        await DemoSignIn.BearerAsync(client, email);
        return client;
    }

    /// <summary>A client signed in through the sign-in form, as a browser is: it carries the <c>khcn.auth</c> cookie, no token.</summary>
    public async Task<HttpClient> CreateCookieClientAsync(string email)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await DemoSignIn.FormAsync(client, email);
        return client;
    }

    public void StartOnPort()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        RootUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
