using System.Diagnostics;

namespace KhcnTracker.IntegrationTests.Faults;

/// <summary>
/// The evidence storage fills up: the upload is refused with a message that says so, no evidence row points at a
/// missing file, and no half-written file is left behind. The full disk is a real one: a 256 KB tmpfs, nearly full.
/// </summary>
public sealed class StorageFullTests : IAsyncLifetime
{
    private readonly string _mount = Directory.CreateTempSubdirectory("khcn-full-").FullName;

    public async Task InitializeAsync()
    {
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", _mount);
        await File.WriteAllBytesAsync(Path.Combine(_mount, "filler"), new byte[230 * 1024]);
    }

    [Fact]
    public async Task AFullStorageRefusesTheFileClearlyAndSavesNothing()
    {
        await using var portal = new PortalFactory();
        await ((IAsyncLifetime)portal).InitializeAsync();
        await using var onFullDisk = portal.WithWebHostBuilder(b => b.UseSetting("Embedded:DataFolder", _mount));
        using var staff = onFullDisk.CreateClient();
        var login = await staff.PostAsJsonAsync("/api/v1/auth/login", new { email = "staff.laocai@demo.local", password = PortalFactory.DemoPassword });
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "digital-economy-grdp-share", period = TestClock.LastYear, value = 12m });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // A 100 KB PDF where 26 KB are free.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%" + new string('x', 100 * 1024) + "\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await staff.PostAsync($"/api/v1/values/{id}/evidence", new MultipartFormDataContent { { file, "file", "bao-cao.pdf" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bộ nhớ lưu trữ đầy", await response.Content.ReadAsStringAsync());
        Assert.Empty((await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/evidence")).EnumerateArray());
        var leftovers = Directory.EnumerateFiles(_mount, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "filler");
        Assert.Empty(leftovers);
    }

    public async Task DisposeAsync()
    {
        await RunAsync("umount", _mount);
        Directory.Delete(_mount);
    }

    /// <summary>Mounting needs root: as root directly, otherwise through sudo without a password.</summary>
    private static async Task RunAsync(string program, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? program : "sudo", asRoot ? arguments : ["-n", program, .. arguments]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {error} (the drill mounts a small tmpfs: run the tests as root or with sudo)");
    }
}
