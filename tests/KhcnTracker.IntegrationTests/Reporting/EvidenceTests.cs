using System.IO.Compression;
using System.Security.Cryptography;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>Evidence files: checked by content, size-limited, stored with their SHA-256, downloadable by readers only.</summary>
public sealed class EvidenceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task APdfIsStoredWithItsHashAndReadBackByTheReviewer()
    {
        var id = await DraftAsync("digital-economy-grdp-share");
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");

        var response = await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Pdf, "Báo cáo kinh tế số 2025.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/pdf", stored.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.GetProperty("sha256").GetString());
        Assert.Equal("Báo cáo kinh tế số 2025.pdf", stored.GetProperty("fileName").GetString());

        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var download = await reviewer.GetAsync($"/api/v1/evidence/{stored.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        using var otherProvince = await portal.CreateClientForAsync("leader.quangtri@demo.local");
        // Another province's file answers as a missing one: its id tells nothing.
        var foreign = await otherProvince.GetAsync($"/api/v1/evidence/{stored.GetProperty("id").GetGuid()}");
        var missing = await otherProvince.GetAsync($"/api/v1/evidence/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADocxIsRecognisedByItsContent()
    {
        var id = await DraftAsync("online-public-service-use");
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var response = await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Docx(), "bien-ban.docx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData("a text file named like a PDF", "evidence.type-not-allowed")]
    [InlineData("too large", "evidence.too-large")]
    public async Task AMislabelledOrOversizedFileIsRefusedAndNothingIsSaved(string kind, string expected)
    {
        var id = await DraftAsync(kind == "too large" ? "innovating-enterprise-share" : "non-cash-payment-share");
        var bytes = kind == "too large"
            ? [.. Pdf, .. new byte[21 * 1024 * 1024]]
            : Encoding.UTF8.GetBytes("<script>alert('không phải PDF')</script>");
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");

        var response = await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(bytes, "minh-chung.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected == "evidence.too-large" ? "vượt quá giới hạn" : "PDF, DOCX, XLSX, PNG hoặc JPEG", await response.Content.ReadAsStringAsync());
        await using var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(portal.ConnectionString));
        Assert.False(await db.Evidence.AnyAsync(e => e.ValueId == id));
    }

    [Fact]
    public async Task OnlyTheReportingAgencyAttachesEvidence()
    {
        var id = await DraftAsync("ip-commercialisation-share");
        using var otherAgency = await portal.CreateClientForAsync("staff2.laocai@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgency.PostAsync($"/api/v1/values/{id}/evidence", Upload(Pdf, "x.pdf"))).StatusCode);
    }

    private async Task<int> DraftAsync(string indicator)
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var response = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period = TestClock.LastYear, value = 20m });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // what the browser claims is never trusted
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
        }
        return buffer.ToArray();
    }
}
