using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KhcnTracker.IntegrationTests.Exports;

/// <summary>
/// PDF reports go through a bounded queue: however many arrive together, no more LibreOffice processes run at once than
/// the setting allows (counted as the soffice.bin processes this test process started), and a request that waits past
/// its time is answered 429 with Retry-After and a Vietnamese message. In one collection with the other PDF test, so
/// that no conversion but these runs in this process meanwhile.
/// </summary>
[Collection("LibreOffice")]
public sealed class PdfQueueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Pdf = "/api/v1/reports/r57?unit=laocai&period=2025&format=pdf";

    [Fact]
    public async Task FiveParallelPdfRequestsNeverRunMoreThanTwoLibreOfficeProcesses()
    {
        await using var app = portal.WithWebHostBuilder(b => b.UseSetting("Reports:PdfConversions", "2").UseSetting("Reports:PdfWaitSeconds", "600"));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++) clients.Add(await SignedInAsync(app));
        using var watch = new SofficeWatch();

        var responses = await Task.WhenAll(clients.Select(c => c.GetAsync(Pdf)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync())), pdf => Assert.Equal("%PDF"u8.ToArray(), pdf[..4]));
        var most = watch.Stop();
        // Two at once were seen (the limit was reached, so the count means something), never three.
        Assert.Equal(2, most);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ARequestThatCannotGetATurnInTimeIsAnswered429WithRetryAfter()
    {
        await using var app = portal.WithWebHostBuilder(b => b.UseSetting("Reports:PdfConversions", "1").UseSetting("Reports:PdfWaitSeconds", "1"));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 3; i++) clients.Add(await SignedInAsync(app));

        var responses = await Task.WhenAll(clients.Select(c => c.GetAsync(Pdf)));

        // A conversion takes seconds: the first gets the one slot, the others give up after a second.
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
        Assert.Contains("Máy chủ đang tạo nhiều bản PDF cùng lúc; hãy thử lại sau khoảng 1 giây hoặc tải bản DOCX.", await refused[0].Content.ReadAsStringAsync());
        clients.ForEach(c => c.Dispose());
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        await DemoSignIn.BearerAsync(client, "auditor.laocai@demo.local");
        return client;
    }

    /// <summary>Counts, every 20 ms, the LibreOffice conversions running under this process; the most seen at once.</summary>
    private sealed class SofficeWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<int> _watch;

        public SofficeWatch() => _watch = Task.Run(async () =>
        {
            var most = 0;
            while (!_stop.IsCancellationRequested)
            {
                most = Math.Max(most, Count());
                await Task.Delay(20);
            }
            return most;
        });

        public int Stop()
        {
            _stop.Cancel();
            return _watch.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Cancel();

        /// <summary>
        /// LibreOffice instances, told apart by their own profile folder (a first start may restart soffice.bin, so two
        /// processes can briefly serve one conversion).
        /// </summary>
        private static int Count()
        {
            var me = Environment.ProcessId;
            var profiles = new HashSet<string>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                var profile = Read($"{dir}/cmdline")?.Split('\0').FirstOrDefault(a => a.StartsWith("-env:UserInstallation=") && a.Contains("khcn-pdf-"));
                if (profile is null) continue;
                for (var parent = Parent(pid); parent > 1; parent = Parent(parent))
                    if (parent == me) { profiles.Add(profile); break; }
            }
            return profiles.Count;
        }

        private static int Parent(int pid)
        {
            // /proc/<pid>/stat: "pid (comm) state ppid …" — the name may hold spaces, so read after its closing parenthesis.
            var stat = Read($"/proc/{pid}/stat");
            if (stat is null) return 0;
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], out var ppid) ? ppid : 0;
        }

        private static string? Read(string path)
        {
            try { return File.ReadAllText(path); }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }
    }
}
