using System.Diagnostics;

namespace KhcnTracker.Testing;

/// <summary>
/// The portal as a process of its own (the build's KhcnTracker.Web.dll), as in production: something to kill, or a
/// server whose memory and processor time are its own and not mixed with the load generator's.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private PortalProcess(Process process, string url) => (Process, Url) = (process, url);

    public Process Process { get; }
    public string Url { get; }

    /// <summary>Starts the portal on <paramref name="connectionString"/> and waits until it answers its health check.</summary>
    public static async Task<PortalProcess> StartAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "KhcnTracker.sln"))) root = Path.GetDirectoryName(root)!;
        var folder = Path.Combine(root, "src", "KhcnTracker.Web", "bin", configuration, "net10.0");
        var url = $"http://127.0.0.1:{PortalFactory.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "KhcnTracker.Web.dll"), "--urls", url])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Embedded__DataFolder"] = Directory.CreateTempSubdirectory("khcn-process-").FullName;
        foreach (var (key, value) in PortalFactory.RaisedRateLimits) start.Environment[key] = value;
        // The run's date (KHCN_TEST_NOW), as the in-process host has it: read by the app in Development only.
        start.Environment["Testing__Now"] = TestClock.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var portal = new PortalProcess(process, url);
        process.OutputDataReceived += (_, line) => portal.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => portal.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        // Three minutes: on two cores shared with other builds and test runs, migrating and loading the catalogue took over one.
        for (var i = 0; i < 720 && !process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return portal;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250); // still starting
        }
        await portal.DisposeAsync();
        throw new InvalidOperationException($"The portal did not become healthy within three minutes; its log: {portal.LogFile}");
    }

    /// <summary>What the portal logged at level error or above (and the lines of their exceptions), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Everything the portal wrote to its console.</summary>
    public string LogFile { get; } = Path.Combine(Path.GetTempPath(), $"khcn-portal-{Guid.NewGuid():N}.log");

    private readonly object _logGate = new();
    private bool _inError;

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            File.AppendAllText(LogFile, line + "\n");
            // Serilog's console lines start with "[hh:mm:ss LVL]"; an exception's lines follow its message.
            if (line.StartsWith('[')) _inError = line.Contains(" ERR]") || line.Contains(" FTL]");
            if (_inError && Errors.Count < 2000) Errors.Enqueue(line);
        }
    }

    /// <summary>Resident memory (MB) and processor time used so far, from /proc.</summary>
    public (double RssMb, TimeSpan Cpu) Usage()
    {
        Process.Refresh();
        return (Process.WorkingSet64 / 1048576.0, Process.TotalProcessorTime);
    }

    public async Task KillAsync()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }
}
