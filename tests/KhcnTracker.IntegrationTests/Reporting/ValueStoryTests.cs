namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>A value's whole story (GET /api/v1/values/{id}/history/events), built from the audit trail.</summary>
public sealed class ValueStoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Staff = "staff.laocai@demo.local", Reviewer = "reviewer.laocai@demo.local";

    [Fact]
    public async Task TheReturnCycleListsAllSixEventsWithBothFigures()
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        using var reviewer = await portal.CreateClientForAsync(Reviewer);
        var value = new { unit = "laocai", indicator = "digital-economy-grdp-share", period = "2025", value = 12.5m, source = "Cục Thống kê" };
        var id = (await Ok(staff.PostAsJsonAsync("/api/v1/values", value))).GetProperty("id").GetInt32();
        await Ok(staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }));
        await Ok(reviewer.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason = "Sai đơn vị tính: phải là phần trăm GRDP." }));
        await Ok(staff.PostAsJsonAsync("/api/v1/values", value with { value = 12.8m }));
        await Ok(staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }));
        await Ok(reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }));

        // Read as an auditor of the province: neither the author nor the reviewer.
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var story = (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history/events")).EnumerateArray().ToList();

        Assert.Equal(["entered", "submitted", "returned", "changed", "submitted", "approved"], story.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([Staff, Staff, Reviewer, Staff, Staff, Reviewer], story.Select(e => e.GetProperty("actor").GetString()));
        Assert.Equal(12.5m, story[0].GetProperty("newValue").GetDecimal());
        Assert.Equal("Sai đơn vị tính: phải là phần trăm GRDP.", story[2].GetProperty("reason").GetString());
        Assert.Equal(12.5m, story[3].GetProperty("oldValue").GetDecimal());
        Assert.Equal(12.8m, story[3].GetProperty("newValue").GetDecimal());
        Assert.Equal(["value"], story[3].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.All(story, e => Assert.Equal(1, e.GetProperty("revision").GetInt32()));
        // Vietnam time, and the zone says so; in the order it happened.
        Assert.All(story, e => Assert.EndsWith("+07:00", e.GetProperty("at").GetString()));
        var moments = story.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(moments.Order(), moments);
        Assert.True(portal.Clock.GetUtcNow() - moments[0] < TimeSpan.FromMinutes(5)); // written now, on the app's clock
    }

    [Fact]
    public async Task EvidenceAndARevisionAreInTheStoryOfEveryRevision()
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        using var reviewer = await portal.CreateClientForAsync(Reviewer);
        var value = new { unit = "laocai", indicator = "innovating-enterprise-share", period = "2025", value = 31.5m, source = "Cục Thống kê" };
        var id = (await Ok(staff.PostAsJsonAsync("/api/v1/values", value))).GetProperty("id").GetInt32();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await Ok(staff.PostAsync($"/api/v1/values/{id}/evidence", new MultipartFormDataContent { { file, "file", "Điều tra doanh nghiệp 2025.pdf" } }));
        await Ok(staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }));
        await Ok(reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }));
        var second = (await Ok(staff.PostAsJsonAsync("/api/v1/values", value with { value = 32m }))).GetProperty("id").GetInt32();

        var story = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{second}/history/events")).EnumerateArray().ToList();

        Assert.Equal(["entered", "evidence_added", "submitted", "approved", "revised"], story.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Điều tra doanh nghiệp 2025.pdf", story[1].GetProperty("fileName").GetString());
        Assert.Equal(id, story[1].GetProperty("valueId").GetInt32());
        // The revision starts from the approved figure and says what it is now.
        Assert.Equal((second, 2), (story[4].GetProperty("valueId").GetInt32(), story[4].GetProperty("revision").GetInt32()));
        Assert.Equal((31.5m, 32m), (story[4].GetProperty("oldValue").GetDecimal(), story[4].GetProperty("newValue").GetDecimal()));
        // The same story from the first revision's id.
        var fromFirst = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history/events")).EnumerateArray();
        Assert.Equal(story.Select(e => e.GetProperty("sequence").GetInt64()), fromFirst.Select(e => e.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task ARemovedEvidenceFileStaysInTheStory()
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        var id = (await Ok(staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "online-public-service-use", period = "2025", value = 61.5m }))).GetProperty("id").GetInt32();
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var evidence = (await Ok(staff.PostAsync($"/api/v1/values/{id}/evidence", new MultipartFormDataContent { { file, "file", "bản-cũ.pdf" } })))
            .GetProperty("id").GetGuid();
        // No use case removes evidence yet: the row a removal writes (every field old → null), as the interceptor writes it.
        await Testing.TestPostgres.ExecuteAsync(portal.ConnectionString, $$"""
            INSERT INTO audit_log (at, actor, origin, entity, entity_key, action, changes, format, previous_hash, hash)
            VALUES (now(), '{{Staff}}', 'api 127.0.0.1', 'evidence', '{{evidence}}', 'delete',
                    '{"id": ["{{evidence}}", null], "value_id": [{{id}}, null], "file_name": ["bản-cũ.pdf", null]}', 2, '', '')
            """);

        var story = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history/events")).EnumerateArray().ToList();

        Assert.Equal(["entered", "evidence_added", "evidence_removed"], story.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(story.Skip(1), e => Assert.Equal("bản-cũ.pdf", e.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task AnotherProvincesStoryAnswersLikeAMissingValue()
    {
        using var staff = await portal.CreateClientForAsync(Staff);
        var id = (await Ok(staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "ip-commercialisation-share", period = "2025", value = 17m }))).GetProperty("id").GetInt32();
        using var other = await portal.CreateClientForAsync("auditor.quangtri@demo.local");

        var existing = await other.GetAsync($"/api/v1/values/{id}/history/events");
        var absent = await other.GetAsync($"/api/v1/values/{id + 1_000_000}/history/events");

        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        var text = await existing.Content.ReadAsStringAsync();
        Assert.DoesNotContain("staff.laocai", text);
        Assert.Equal((await absent.Content.ReadAsStringAsync()).Replace($"{id + 1_000_000}", $"{id}"), text);
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
