using System.Diagnostics;
using System.IO.Compression;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>
/// Files made to exhaust the server — a cell that unpacks to 100 MB, a million rows, a thousand wrong rows — are refused
/// quickly with a clear message, and the portal's managed heap (this process hosts it) stays within 50 MB of where it was.
/// The portal is served by Kestrel on a loopback port, as in production: the in-memory test server holds a request body
/// in memory on its own (64 MB for a 19 MB upload), which would hide what the portal does.
/// </summary>
public sealed class ImportBoundsTests(ImportBoundsTests.ServedPortal served, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ImportBoundsTests.ServedPortal>
{
    public sealed class ServedPortal : IAsyncLifetime
    {
        public PortalFactory Portal { get; } = new();

        public async Task InitializeAsync()
        {
            await Portal.InitializeAsync();
            Portal.StartOnPort();
        }

        public async Task DisposeAsync() => await Portal.DisposeAsync();
    }

    private PortalFactory portal => served.Portal;

    private async Task<HttpClient> StaffAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(portal.RootUrl), Timeout = TimeSpan.FromMinutes(2) };
        await DemoSignIn.BearerAsync(client, "staff.laocai@demo.local");
        return client;
    }

    private const long HeapAllowance = 50L * 1024 * 1024;

    [Fact]
    public async Task AWorkbookOfAbout100KilobytesHoldingOne100MegabyteCellIsRefusedWithoutUnpackingIt()
    {
        var bomb = WorkbookWithNote(100 * 1024 * 1024);
        Assert.InRange(bomb.Length, 1, 400 * 1024); // the "import bomb": deflate packs the cell a thousandfold
        using var staff = await StaffAsync();
        var before = await CountAsync();

        var (response, elapsed, growth) = await MeasureAsync(() => ImportAsync(staff, bomb, "bom.xlsx"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Trang “Số liệu”: Tệp Excel giải nén ra hơn 64 MB, quá lớn so với một mẫu nhập số liệu.", Assert.Single(await ErrorsAsync(response)));
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.True(growth < HeapAllowance, $"the managed heap grew by {growth / (1024 * 1024)} MB");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AWorkbookThatUnderstatesAPartsSizeUnpacksNoMoreThanItDeclares()
    {
        // A 70 MB picture part whose headers say 100 bytes: the ZIP reader stops at the declared size, so the file costs
        // what it declares (and the counter would stop it at 64 MB if a reader ever went on).
        var liar = LyingWorkbook(70 * 1024 * 1024, declared: 100);
        using var staff = await StaffAsync();

        var (response, elapsed, growth) = await MeasureAsync(() => ImportAsync(staff, liar, "noi-doi.xlsx", dryRun: true));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync()); // its one row is checked as usual
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
        Assert.True(growth < HeapAllowance, $"the managed heap grew by {growth / (1024 * 1024)} MB");
    }

    /// <summary>The template with an extra part of <paramref name="size"/> zero bytes whose headers claim <paramref name="declared"/>.</summary>
    private static byte[] LyingWorkbook(int size, uint declared)
    {
        var template = WorkbookWithNote(10);
        using var source = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        const string name = "xl/media/image1.png";
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            using var big = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < size / zeros.Length; i++) big.Write(zeros);
        }
        var bytes = output.ToArray();
        var nameBytes = Encoding.ASCII.GetBytes(name);
        var patched = 0;
        for (var i = 0; i + 46 + nameBytes.Length <= bytes.Length; i++)
        {
            // Local header (PK\3\4: size at 22, name at 30) and central directory entry (PK\1\2: size at 24, name at 46).
            var (sizeAt, nameAt) = BitConverter.ToUInt32(bytes, i) switch { 0x04034b50 => (22, 30), 0x02014b50 => (24, 46), _ => (-1, -1) };
            if (sizeAt < 0 || !bytes.AsSpan(i + nameAt, nameBytes.Length).SequenceEqual(nameBytes)) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(i + sizeAt, 4), declared);
            patched++;
        }
        Assert.Equal(2, patched);
        return bytes;
    }

    [Fact]
    public async Task ACellLongerThan2000CharactersIsRefusedWithItsRow()
    {
        using var staff = await StaffAsync();

        var xlsx = await ImportAsync(staff, WorkbookWithNote(2_001), "ghi-chu-dai.xlsx");
        var csv = await ImportAsync(staff, Encoding.UTF8.GetBytes(Header + $"laocai,non-cash-payment-share,,2026,1,,{new string('x', 2_001)}\n"), "ghi-chu-dai.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, xlsx.StatusCode);
        Assert.Equal("Trang “Số liệu”: Có ô dài hơn 2.000 ký tự (dòng 2); một ô chỉ chứa mã, số hoặc ghi chú ngắn.", Assert.Single(await ErrorsAsync(xlsx)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, csv.StatusCode);
        Assert.Equal("Trang “CSV”: Có ô dài hơn 2.000 ký tự (dòng 2); một ô chỉ chứa mã, số hoặc ghi chú ngắn.", Assert.Single(await ErrorsAsync(csv)));
        // Exactly 2,000 characters is a note like any other: the file is checked row by row as usual.
        var fine = await ImportAsync(staff, WorkbookWithNote(2_000), "ghi-chu-2000.xlsx", dryRun: true);
        Assert.True(fine.StatusCode == HttpStatusCode.OK, await fine.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMillionRowCsvIsRefusedQuicklyAtTheRowLimit()
    {
        var csv = new StringBuilder(Header, 20 * 1024 * 1024);
        for (var i = 0; i < 1_000_000; i++) csv.Append("laocai,x,,2026,1,,\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        csv = null;
        Assert.InRange(bytes.Length, 1, 20 * 1024 * 1024); // under the size limit: the rows are what is too many
        using var staff = await StaffAsync();
        var before = await CountAsync();

        var (response, elapsed, growth) = await MeasureAsync(() => ImportAsync(staff, bytes, "trieu-dong.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Trang “CSV”: Tệp có hơn 50.000 dòng số liệu; hãy chia thành nhiều tệp.", Assert.Single(await ErrorsAsync(response)));
        Assert.True(response.Content.Headers.ContentLength is null or < 4096, $"{response.Content.Headers.ContentLength} bytes of answer");
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
        Assert.True(growth < HeapAllowance, $"the managed heap grew by {growth / (1024 * 1024)} MB");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AThousandWrongRowsListTheFirst200AndTheTotal()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 1_000; i++) csv.Append($"laocai,khong-co-{i},,2026,1,,\n");
        using var staff = await StaffAsync();

        var response = await ImportAsync(staff, Encoding.UTF8.GetBytes(csv.ToString()), "nghin-loi.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(200, errors.Count);
        Assert.Equal(1_000, body.GetProperty("errorCount").GetInt32());
        Assert.Equal("Trang “CSV”, dòng 2, cột B (Mã chỉ số): Không có chỉ số mã “khong-co-0”.", errors[0]);
        Assert.StartsWith("Trang “CSV”, dòng 201, cột B (Mã chỉ số): Không có chỉ số mã “khong-co-199”.", errors[^1]);
    }

    private const string Header = "Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\n";

    /// <summary>
    /// The values template with one row whose note is <paramref name="chars"/> letters long, an inline string written to the
    /// package a chunk at a time (so the test never holds it either).
    /// </summary>
    private static byte[] WorkbookWithNote(int chars)
    {
        var headers = "ABCDEFG".Select((letter, i) => new HandMadeWorkbook.Cell($"{letter}1", Text: new[]
            { "Mã tỉnh", "Mã chỉ số", "Tên chỉ số", "Kỳ báo cáo", "Giá trị", "Nguồn số liệu", "Ghi chú" }[i])).ToList();
        var template = HandMadeWorkbook.Create(headers, [], [new HandMadeWorkbook.Cell("A1", "KHCN-MAU-SO-LIEU-V1")]);
        using var source = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != "xl/worksheets/sheet1.xml"))
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                from.CopyTo(to);
            }
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
            foreach (var h in headers) sheet.Write($"<c r=\"{h.Ref}\" t=\"inlineStr\"><is><t>{h.Text}</t></is></c>");
            sheet.Write("""</row><row r="2"><c r="A2" t="inlineStr"><is><t>laocai</t></is></c><c r="B2" t="inlineStr"><is><t>non-cash-payment-share</t></is></c>""");
            sheet.Write("""<c r="D2" t="inlineStr"><is><t>2026</t></is></c><c r="E2"><v>1</v></c><c r="G2" t="inlineStr"><is><t>""");
            var chunk = new string('a', 64 * 1024);
            for (var left = chars; left > 0; left -= chunk.Length) sheet.Write(left >= chunk.Length ? chunk : chunk[..left]);
            sheet.Write("</t></is></c></row></sheetData></worksheet>");
        }
        return output.ToArray();
    }

    /// <summary>
    /// Runs the request while sampling the managed heap every few milliseconds, each sample just after a young-generation
    /// collection: what is alive then is what the request holds (a file read into memory would show whole), not the
    /// garbage of streaming it through. The growth is the highest sample over the heap after a full collection before.
    /// </summary>
    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed, long Growth)> MeasureAsync(Func<Task<HttpResponseMessage>> request)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        var samples = 0;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                samples++;
                await Task.Delay(5);
            }
        });
        var clock = Stopwatch.StartNew();
        var response = await request();
        var elapsed = clock.Elapsed;
        await done.CancelAsync();
        await sampler;
        output.WriteLine($"answered in {elapsed.TotalMilliseconds:F0} ms; {samples} samples; the managed heap at most {(peak - baseline) / (1024 * 1024)} MB over its start");
        return (response, elapsed, peak - baseline);
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes, string name, bool dryRun = false)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(dryRun ? "/api/v1/values/import?dryRun=true" : "/api/v1/values/import", new MultipartFormDataContent { { file, "file", name } });
    }

    private async Task<int> CountAsync()
    {
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        return await db.Values.CountAsync();
    }
}
