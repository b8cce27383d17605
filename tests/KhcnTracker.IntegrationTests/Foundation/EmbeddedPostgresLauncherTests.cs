using KhcnTracker.Infrastructure.EmbeddedPostgres;

namespace KhcnTracker.IntegrationTests.Foundation;

/// <summary>The launcher the portal uses when no connection string is set: real clusters in temporary folders.</summary>
public sealed class EmbeddedPostgresLauncherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"khcn-launcher-{Guid.NewGuid():N}");

    private EmbeddedPostgresOptions Options() => new() { DataFolder = _folder, Ephemeral = true };

    [Fact]
    public async Task DataWrittenBeforeARestartIsReadAfterIt()
    {
        await using (var first = await EmbeddedPostgresCluster.StartAsync(Options()))
        {
            await using var db = new AppDbContext(TestPostgres.Options(first.ConnectionString()));
            await db.Database.MigrateAsync();
            db.Units.Add(new AdministrativeUnit("thunghiem", "Tỉnh Thử Nghiệm", "Test Province", UnitLevel.Province, null, null));
            await db.SaveChangesAsync();
        }

        await using var second = await EmbeddedPostgresCluster.StartAsync(Options());
        await using var reread = new AppDbContext(TestPostgres.Options(second.ConnectionString()));
        var unit = await reread.Units.SingleAsync(u => u.Code == "thunghiem");
        Assert.Equal("Tỉnh Thử Nghiệm", unit.NameVi);
    }

    [Fact]
    public async Task MissingServerBinariesAreToldWithBothWaysOut()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "no-binaries")).FullName;
        var options = Options();
        options.BinarySearchPaths = [empty];

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresCluster.StartAsync(options));

        Assert.Contains("PostgreSQL server binaries", error.Message);
        Assert.Contains("apt-get install -y postgresql", error.Message);
        Assert.Contains("docker compose up -d db", error.Message);
        Assert.Contains("ConnectionStrings__Default", error.Message);
    }

    [Fact]
    public async Task AnUnwritableDataFolderIsToldInOneSentence()
    {
        Directory.CreateDirectory(_folder);
        var aFile = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(aFile, "not a folder");
        var options = Options();
        options.DataFolder = Path.Combine(aFile, "data"); // a folder cannot live inside a file, even for root

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresCluster.StartAsync(options));

        Assert.Contains("cannot be written", error.Message);
        Assert.Contains(options.DataFolder, error.Message);
        Assert.Contains("Embedded__DataFolder", error.Message);
    }

    [Fact]
    public async Task AStaleLockFromACrashedRunIsRecovered()
    {
        await (await EmbeddedPostgresCluster.StartAsync(Options())).StopAsync();
        // A crash leaves postmaster.pid naming a process that is not PostgreSQL (here: this test process).
        var pidFile = Path.Combine(_folder, "pgdata", "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n{Path.Combine(_folder, "pgdata")}\n");

        await using var cluster = await EmbeddedPostgresCluster.StartAsync(Options());

        Assert.True(await CanQueryAsync(cluster));
    }

    [Fact]
    public async Task AServerLeftRunningByACrashedAppIsTakenOver()
    {
        var orphan = await EmbeddedPostgresCluster.StartAsync(Options()); // never stopped: the app "crashed"

        await using var cluster = await EmbeddedPostgresCluster.StartAsync(Options());

        Assert.NotEqual(orphan.Port, cluster.Port);
        Assert.True(await CanQueryAsync(cluster));
    }

    [Fact]
    public async Task AsRootADataFolderThePostgresUserCannotEnterStillWorks()
    {
        // Like a clone under /root: a parent folder only its owner may enter.
        var privateParent = Directory.CreateDirectory(Path.Combine(_folder, "private")).FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privateParent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new EmbeddedPostgresOptions { DataFolder = Path.Combine(privateParent, ".data"), Ephemeral = true };

        string clusterFolder;
        await using (var cluster = await EmbeddedPostgresCluster.StartAsync(options))
        {
            clusterFolder = cluster.ClusterFolder;
            Assert.True(await CanQueryAsync(cluster));
        }
        await using (var again = await EmbeddedPostgresCluster.StartAsync(options))
            Assert.Equal(clusterFolder, again.ClusterFolder); // the same cluster on the next start: data survives

        if (Environment.UserName == "root")
        {
            Assert.StartsWith(EmbeddedPostgresCluster.FallbackRoot, clusterFolder);
            Directory.Delete(clusterFolder, recursive: true);
            File.Delete(clusterFolder + ".log");
        }
    }

    private static async Task<bool> CanQueryAsync(EmbeddedPostgresCluster cluster)
    {
        await using var db = new AppDbContext(TestPostgres.Options(cluster.ConnectionString()));
        return await db.Database.CanConnectAsync();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
