using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KhcnTracker.IntegrationTests.ScaleOut;

/// <summary>
/// Two portal instances on one PostgreSQL behind a real nginx, configured like deploy/nginx/khcntracker.conf: a
/// browser's sign-in, made on one instance, still opens the portal on the other when the first one goes away,
/// because both sign with the Data Protection keys shared in PostgreSQL.
/// </summary>
public sealed class TwoInstancesBehindNginxTests : IAsyncLifetime
{
    private PortalFactory _first = null!, _second = null!;
    private Process? _nginx;
    private string _folder = null!, _proxy = null!, _plain = null!;

    public async Task InitializeAsync()
    {
        _first = new PortalFactory();
        await ((IAsyncLifetime)_first).InitializeAsync();
        _first.StartOnPort();
        _second = PortalFactory.OnDatabase(_first.ConnectionString);
        _second.StartOnPort();
        _folder = Directory.CreateTempSubdirectory("khcn-nginx-").FullName;
        var (port, httpPort) = (PortalFactory.FreePort(), PortalFactory.FreePort());
        _proxy = $"https://127.0.0.1:{port}";
        _plain = $"http://127.0.0.1:{httpPort}";
        var (certificate, key) = (Path.Combine(_folder, "cert.pem"), Path.Combine(_folder, "key.pem"));
        using (var openssl = Process.Start(new ProcessStartInfo("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                   "-subj", "/CN=localhost", "-keyout", key, "-out", certificate]) { RedirectStandardError = true })!)
            await openssl.WaitForExitAsync();
        var shipped = File.ReadAllText(Path.Combine(Root(), "deploy", "nginx", "khcntracker.conf"));
        Assert.DoesNotContain("X-Upstream", shipped); // the shipped proxy names no internal address
        // The test's own copy: the instances' loopback ports, its certificate, and (for this test only) a header that
        // tells which instance answered, beside the shipped HSTS header (a location's add_header replaces the server's).
        var hsts = System.Text.RegularExpressions.Regex.Match(shipped, "add_header Strict-Transport-Security \"[^\"]+\" always;").Value;
        Assert.NotEmpty(hsts);
        var config = shipped
            .Replace("server web1:8080", $"server {new Uri(_first.RootUrl).Authority}")
            .Replace("server web2:8080", $"server {new Uri(_second.RootUrl).Authority}")
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};")
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{port} ssl;")
            .Replace("${KHCN_SERVER_NAME}", "localhost")
            .Replace("${KHCN_TLS_CERTIFICATE}", certificate)
            .Replace("${KHCN_TLS_CERTIFICATE_KEY}", key)
            .Replace("proxy_pass http://khcntracker;", $"proxy_pass http://khcntracker;\n        add_header X-Upstream $upstream_addr always;\n        {hsts}");
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events { }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                {{config}}
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(Nginx(), ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        for (var i = 0; i < 50 && !await AnswersAsync(); i++) await Task.Delay(100);
    }

    [Fact]
    public async Task ASignInMadeOnOneInstanceWorksOnTheOtherWhenTheFirstGoesAway()
    {
        // Plain HTTP only points to HTTPS.
        using (var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            var redirect = await plain.GetAsync(_plain + "/account/login");
            Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
            Assert.StartsWith("https://127.0.0.1/", redirect.Headers.Location!.OriginalString);
        }
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler
        {
            CookieContainer = cookies, AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        }) { BaseAddress = new Uri(_proxy) };
        var form = await browser.GetStringAsync("/account/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "leader.laocai@demo.local", ["password"] = PortalFactory.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("error", signIn.Headers.Location!.OriginalString);

        var before = await browser.GetAsync("/api/v1/progress?unit=laocai");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.StartsWith("max-age=31536000", before.Headers.GetValues("Strict-Transport-Security").Single());
        var servedBy = before.Headers.GetValues("X-Upstream").Single();

        // The instance that holds this browser goes away (a deploy, a crash): nginx moves the browser to the other one.
        var (gone, other) = servedBy == new Uri(_first.RootUrl).Authority ? (_first, _second) : (_second, _first);
        await gone.DisposeAsync();
        var after = await browser.GetAsync("/api/v1/progress?unit=laocai");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.EndsWith(new Uri(other.RootUrl).Authority, after.Headers.GetValues("X-Upstream").Single());
        // And the pages too: the signed-in home page, not the sign-in form.
        var home = await browser.GetAsync("/progress/units/laocai");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("login-form", await home.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false }) _nginx.Kill(entireProcessTree: true);
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
            return (await client.GetAsync(_proxy + "/health/live")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Nginx() => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed: sudo apt-get install -y nginx-light (scripts/test.sh does it).");

    private static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "KhcnTracker.sln"))) root = Path.GetDirectoryName(root)!;
        return root;
    }
}
