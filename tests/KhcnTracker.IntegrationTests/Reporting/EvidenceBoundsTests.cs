using System.IO.Compression;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>
/// Evidence must be what its name says, an Office document may hold only a document's parts, each person has a quota —
/// and whatever is refused leaves no row and no file in the evidence folder.
/// </summary>
public sealed class EvidenceBoundsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    private readonly string _folder = Directory.CreateTempSubdirectory("khcn-evidence-bounds-").FullName;

    [Theory]
    [InlineData("polyglot.html", "pdf-html")]
    [InlineData("anh-chup.pdf", "png")]
    [InlineData("bien-ban.pdf", "docx")]
    [InlineData("khong-duoi", "pdf")]
    public async Task AFileWhoseNameDisagreesWithItsContentIsRefused(string name, string content)
    {
        await using var app = App();
        byte[] bytes = content switch
        {
            "pdf-html" => [.. Pdf, .. "<html><script>alert(document.cookie)</script></html>"u8],
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
            "docx" => Docx(),
            _ => Pdf,
        };

        await AssertRefusedAsync(app, "online-public-service-use", bytes, name,
            "Tên tệp không khớp với nội dung tệp; hãy đặt đúng đuôi tệp (.pdf, .docx, .xlsx, .png, .jpg).");
    }

    [Theory]
    [InlineData("word/setup.exe")]
    [InlineData("word/vbaProject.bin")]
    [InlineData("payload/readme.xml")]
    [InlineData("word/embeddings/oleObject1.bin")]
    public async Task AnOfficeDocumentWithAPartNoDocumentHasIsRefused(string part)
    {
        await using var app = App();
        await AssertRefusedAsync(app, "non-cash-payment-share", Docx(part), "bien-ban.docx",
            "Tệp có thành phần không được phép (macro, chương trình hoặc phần không thuộc tài liệu Office); hãy lưu lại thành tệp .docx/.xlsx thông thường.");
    }

    [Fact]
    public async Task APlainDocxAndAPdfNamedAsTheyAreAreAccepted()
    {
        await using var app = App();
        using var staff = await SignedInAsync(app);
        var id = await DraftAsync(staff, "digital-economy-grdp-share");

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Docx("docProps/core.xml"), "Biên bản.DOCX"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Pdf, "bao-cao.pdf"))).StatusCode);
        Assert.Equal(2, StoredFiles().Count);
    }

    [Fact]
    public async Task PastTheUploadersQuotaAFileIsRefusedWithAClearMessageAndNotKept()
    {
        // A quota of 1.5 MB: the other tests of this class upload a few kilobytes in all.
        await using var app = App(("Evidence:UserQuotaBytes", (1536 * 1024).ToString()));
        using var staff = await SignedInAsync(app);
        var id = await DraftAsync(staff, "innovating-enterprise-share");
        byte[] Megabyte(byte fill) => [.. Pdf, .. Enumerable.Repeat(fill, 1024 * 1024)];

        var first = await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Megabyte(1), "mot.pdf"));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var filesBefore = StoredFiles();
        var second = await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Megabyte(2), "hai.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Đã dùng hết dung lượng minh chứng được cấp (cho mỗi người hoặc mỗi tỉnh); hãy liên hệ quản trị viên.",
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(filesBefore, StoredFiles());
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        Assert.Equal(["mot.pdf"], await db.Evidence.Where(e => e.ValueId == id).Select(e => e.FileName).ToListAsync());
    }

    private async Task AssertRefusedAsync(WebApplicationFactory<Program> app, string indicator, byte[] bytes, string name, string message)
    {
        using var staff = await SignedInAsync(app);
        var id = await DraftAsync(staff, indicator);
        var before = StoredFiles();

        var response = await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(bytes, name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, StoredFiles()); // nothing kept, not even in the folder for incoming files
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        Assert.False(await db.Evidence.AnyAsync(e => e.ValueId == id && e.FileName == name));
    }

    private WebApplicationFactory<Program> App(params (string Key, string Value)[] settings) => portal.WithWebHostBuilder(b =>
    {
        b.UseSetting("Embedded:DataFolder", _folder);
        foreach (var (key, value) in settings) b.UseSetting(key, value);
    });

    private List<string> StoredFiles() => Directory.Exists(_folder)
        ? Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f)).Order().ToList()
        : [];

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        await DemoSignIn.BearerAsync(client, "staff.laocai@demo.local");
        return client;
    }

    /// <summary>One draft per indicator for the whole class (the cases of a theory attach to the same one).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Drafts = new();

    private async Task<int> DraftAsync(HttpClient staff, string indicator)
    {
        var key = $"{portal.ConnectionString}|{indicator}";
        if (Drafts.TryGetValue(key, out var known)) return known;
        var response = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period = "2025", value = 20m });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return Drafts[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>A minimal DOCX, with one more part when asked.</summary>
    private static byte[] Docx(string? extraPart = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
            Write("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Write("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");
            Write("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
            if (extraPart is not null) Write(extraPart, extraPart.EndsWith(".xml") ? "<x/>" : "MZ\u0090\0");
        }
        return buffer.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
