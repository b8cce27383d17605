namespace KhcnTracker.IntegrationTests.Api;

public sealed class CatalogueApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task LaoCaisTargetsFor2030CarryTheirSourceQuote()
    {
        using var client = await portal.CreateClientForAsync("leader.national@demo.local");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/targets?unit=laocai&year=2030");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var digital = Assert.Single(items, t => t.GetProperty("indicator").GetProperty("code").GetString() == "digital-economy-grdp-share");
        Assert.Equal("ge", digital.GetProperty("comparator").GetString());
        Assert.Equal(20m, digital.GetProperty("value").GetDecimal());
        Assert.Equal("laocai", digital.GetProperty("unit").GetProperty("code").GetString());
        Assert.Contains("20%", digital.GetProperty("sourceQuote").GetString());
        Assert.False(string.IsNullOrEmpty(digital.GetProperty("document").GetProperty("number").GetString() ?? digital.GetProperty("document").GetProperty("titleVi").GetString()));
        Assert.Contains("cds", digital.GetProperty("indicator").GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.All(items, t => Assert.Equal(2030, t.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task PhuThoShowsTheTargetsOfVinhPhucWhichMergedIntoIt()
    {
        using var client = await portal.CreateClientForAsync("leader.national@demo.local");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/targets?unit=phutho");
        var vinhPhuc = page.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("unit").GetProperty("code").GetString() == "vinhphuc").ToList();
        Assert.NotEmpty(vinhPhuc);
        Assert.All(vinhPhuc, t => Assert.Equal("phutho", t.GetProperty("reportedNowBy").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task SearchIgnoresDiacritics()
    {
        using var client = await portal.CreateClientForAsync("leader.national@demo.local");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/targets?search=kinh%20te%20so");
        var names = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("indicator").GetProperty("nameVi").GetString()!).ToList();
        Assert.NotEmpty(names);
        Assert.Contains(names, n => n.Contains("kinh tế số", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Decision843ListsItsTasks()
    {
        using var client = await portal.CreateClientForAsync("leader.national@demo.local");
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?document=vinhphuc-qd843");
        Assert.Equal(87, tasks.GetArrayLength());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheReadApi()
    {
        using var client = await portal.CreateClientForAsync("leader.national@demo.local");
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/v1/units", "/api/v1/documents", "/api/v1/indicators", "/api/v1/targets", "/api/v1/tasks" })
            Assert.Contains($"\"{path}\"", text);
    }
}
