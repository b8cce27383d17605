namespace KhcnTracker.IntegrationTests.Auditing;

/// <summary>
/// An imported value's audit row is written by the bulk writer without EF's change tracker: it must read exactly as the
/// row EF's interceptor writes for a value saved one at a time — same fields, same shape — or the history rebuilt
/// from the trail would differ by how a value came in.
/// </summary>
public sealed class ImportAuditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnImportedValueIsAuditedExactlyAsOneSavedThroughTheForm()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "online-public-service-use", period = "2025", value = 61.5m, source = "Sở KH&CN", note = "một" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var csv = "Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\nlaocai,non-cash-payment-share,,2025,\"61,5\",Sở KH&CN,một\n";
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var imported = await staff.PostAsync("/api/v1/values/import", new MultipartFormDataContent { { file, "file", "mot-dong.csv" } });
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var viaForm = await ChangesAsync("online-public-service-use");
        var viaImport = await ChangesAsync("non-cash-payment-share");

        Assert.Equal(viaForm.Select(p => p.Name), viaImport.Select(p => p.Name));
        foreach (var name in new[] { "unit", "period", "revision", "value", "source", "note", "status", "entered_by" })
            Assert.Equal(viaForm.Single(p => p.Name == name).Value.GetRawText(), viaImport.Single(p => p.Name == name).Value.GetRawText());
        Assert.All(viaImport, p => Assert.Equal(JsonValueKind.Null, p.Value[0].ValueKind));
    }

    /// <summary>The creation row of a value, as stored (jsonb), property by property in name order.</summary>
    private async Task<List<JsonProperty>> ChangesAsync(string indicator)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT changes::text FROM audit_log WHERE entity = 'value' AND action = 'create' AND changes->'indicator'->>1 = $1", connection);
        command.Parameters.AddWithValue(indicator);
        var json = (string)(await command.ExecuteScalarAsync())!;
        return JsonDocument.Parse(json).RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
