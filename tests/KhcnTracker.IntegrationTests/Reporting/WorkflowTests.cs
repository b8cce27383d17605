namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>Every transition of a value over the API: draft, submit, return, correct, resubmit, approve, revise, approve.</summary>
public sealed class WorkflowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AValueGoesThroughEveryTransitionAndKeepsItsHistory()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var value = new { unit = "laocai", indicator = "digital-economy-grdp-share", period = TestClock.LastYear, value = 11.2m, source = "Cục Thống kê" };

        var id = (await Json(await staff.PostAsJsonAsync("/api/v1/values", value))).GetProperty("id").GetInt32();
        Assert.Equal("submitted", await StatusAfter(staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }), id));
        // A submitted value is not edited: a second save is refused and the submitted figure stays.
        var edit = await staff.PostAsJsonAsync("/api/v1/values", new { value.unit, value.indicator, value.period, value = 99m, value.source });
        Assert.False(edit.IsSuccessStatusCode);
        Assert.Equal(11.2m, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history")).EnumerateArray().Single().GetProperty("value").GetDecimal());
        // Returning needs a reason.
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason = " " })).StatusCode);
        Assert.Equal("returned", await StatusAfter(reviewer.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason = "Sai đơn vị tính." }), id));
        Assert.Equal("draft", await StatusAfter(staff.PostAsJsonAsync("/api/v1/values", new { value.unit, value.indicator, value.period, value = 11.8m, value.source }), id));
        Assert.Equal("submitted", await StatusAfter(staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }), id));
        Assert.Equal("approved", await StatusAfter(reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }), id));

        // Changing an approved value makes revision 2, reviewed again; revision 1 stays as it was.
        var revised = await Json(await staff.PostAsJsonAsync("/api/v1/values", new { value.unit, value.indicator, value.period, value = 12.0m, value.source }));
        var second = revised.GetProperty("id").GetInt32();
        Assert.NotEqual(id, second);
        await staff.PostAsJsonAsync($"/api/v1/values/{second}/submit", new { });
        Assert.Equal("approved", await StatusAfter(reviewer.PostAsJsonAsync($"/api/v1/values/{second}/approve", new { }), second));

        var history = (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values/{second}/history")).EnumerateArray().ToList();
        Assert.Equal([1, 2], history.Select(h => h.GetProperty("revision").GetInt32()));
        Assert.Equal([11.8m, 12.0m], history.Select(h => h.GetProperty("value").GetDecimal()));
        Assert.Equal("Sai đơn vị tính.", history[0].GetProperty("returnReason").GetString());
        Assert.All(history, h => Assert.Equal("approved", h.GetProperty("status").GetString()));
    }

    private async Task<string> StatusAfter(Task<HttpResponseMessage> call, int id)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var history = (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history")).EnumerateArray();
        return history.Single(h => h.GetProperty("id").GetInt32() == id).GetProperty("status").GetString()!;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
