namespace KhcnTracker.IntegrationTests.Periods;

/// <summary>The calls the period tests make, as the API's users make them.</summary>
internal static class PeriodApi
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    /// <summary>The administrator creates a yearly period (due 31 January of the next year).</summary>
    public static async Task CreateAsync(PortalFactory portal, string code)
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var year = int.Parse(code[..4]);
        var due = code.EndsWith("-H1") ? $"{year}-07-31" : $"{year + 1}-01-31";
        var created = await admin.PostAsJsonAsync("/api/v1/periods", new { code, dueDate = due });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string code, string verb, string unit, string? reason = "Theo kế hoạch của tỉnh") =>
        client.PostAsJsonAsync($"/api/v1/periods/{code}/{verb}", new { unit, reason });

    public static async Task<JsonElement> PeriodAsync(HttpClient client, string unit, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/periods?unit={unit}")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == code);

    public static async Task<string> StateAsync(HttpClient client, string unit, string code) =>
        (await PeriodAsync(client, unit, code)).GetProperty("state").GetString()!;

    public static Task<HttpResponseMessage> SaveAsync(HttpClient staff, string unit, string indicator, string period, decimal value) =>
        staff.PostAsJsonAsync("/api/v1/values", new { unit, indicator, period, value, source = "Cục Thống kê" });

    public static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    public static Task<HttpResponseMessage> ImportCsvAsync(HttpClient staff, string unit, string indicator, string period, string value)
    {
        var csv = "Mã tỉnh;Mã chỉ số;Tên chỉ số;Kỳ báo cáo;Giá trị;Nguồn số liệu;Ghi chú\r\n" + $"{unit};{indicator};Tên;{period};{value};Cục Thống kê;\r\n";
        return staff.PostAsync("/api/v1/values/import", Upload(Encoding.UTF8.GetBytes(csv), "so-lieu.csv"));
    }

    public static Task<HttpResponseMessage> WriteNarrativeAsync(HttpClient reviewer, string unit, string period, string text, uint? version = null) =>
        reviewer.PutAsJsonAsync($"/api/v1/reports/r57/narrative?unit={unit}&period={period}", new { version, assessment = text });

    /// <summary>A value through an open period's doors: staff attach evidence and submit it, the reviewer approves it.</summary>
    public static async Task EvidenceSubmitAndApproveAsync(HttpClient staff, HttpClient reviewer, int id, string evidenceName)
    {
        await AssertStatusAsync(await staff.PostAsync($"/api/v1/values/{id}/evidence", Upload(Pdf, evidenceName)), 200);
        await AssertStatusAsync(await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }), 200);
        await AssertStatusAsync(await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }), 200);
    }

    /// <summary>The answer has <paramref name="status"/>, and its body (a refusal's problem details) carries <paramref name="words"/> when given.</summary>
    public static async Task AssertStatusAsync(HttpResponseMessage response, int status, string? words = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        if (words is not null) Assert.Contains(words, body);
    }
}
