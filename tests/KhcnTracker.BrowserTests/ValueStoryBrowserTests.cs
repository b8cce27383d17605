namespace KhcnTracker.BrowserTests;

/// <summary>A value's whole story in the history dialog, and the same changes in words on the audit page.</summary>
public sealed class ValueStoryBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task TheHistoryDialogTellsTheReturnCycleAndTheAuditLogSaysItInWords()
    {
        // The cycle through the API: entered 12,5 → submitted → returned → corrected to 12,8 → resubmitted → approved.
        using var staffApi = await session.Portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewerApi = await session.Portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var value = new { unit = "laocai", indicator = "digital-economy-grdp-share", period = "2025", value = 12.5m, source = "Cục Thống kê" };
        var saved = await staffApi.PostAsJsonAsync("/api/v1/values", value);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // One after the other: each step starts when the one before has answered.
        var steps = new Func<Task<HttpResponseMessage>>[]
        {
            () => staffApi.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }),
            () => reviewerApi.PostAsJsonAsync($"/api/v1/values/{id}/return", new { reason = "Cần số liệu của Cục Thống kê, không phải ước tính." }),
            () => staffApi.PostAsJsonAsync("/api/v1/values", value with { value = 12.8m }),
            () => staffApi.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { }),
            () => reviewerApi.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { }),
        };
        foreach (var step in steps)
        {
            var response = await step();
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var staff = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        await staff.GetByTestId("period-2025").ClickAsync();
        var row = staff.Locator("tr.value-row-digital-economy-grdp-share-2025");
        await Assertions.Expect(row).ToContainTextAsync("Đã phê duyệt");
        await row.GetByRole(AriaRole.Button, new() { Name = "Lịch sử số liệu" }).ClickAsync();
        var events = staff.GetByTestId("value-event");
        await Assertions.Expect(events).ToHaveCountAsync(6);
        await Assertions.Expect(events.Nth(0)).ToContainTextAsync("Nhập số liệu: 12,5");
        await Assertions.Expect(events.Nth(1)).ToContainTextAsync("Gửi thẩm định");
        await Assertions.Expect(events.Nth(2)).ToContainTextAsync("Trả lại");
        await Assertions.Expect(events.Nth(2)).ToContainTextAsync("Cần số liệu của Cục Thống kê, không phải ước tính.");
        await Assertions.Expect(events.Nth(2)).ToContainTextAsync("reviewer.laocai@demo.local");
        await Assertions.Expect(events.Nth(3)).ToContainTextAsync("Sửa số liệu: 12,5 → 12,8");
        await Assertions.Expect(events.Nth(4)).ToContainTextAsync("Gửi thẩm định");
        await Assertions.Expect(events.Nth(5)).ToContainTextAsync("Phê duyệt");
        for (var i = 0; i < 6; i++) await Assertions.Expect(events.Nth(i)).ToContainTextAsync("(UTC+7)");
        await BrowserSession.ScreenshotAsync(staff, "value-story");

        // The audit page: the value's rows in words and Vietnam time, not numbers and C# names.
        var auditor = await session.OpenSignedInAsync("auditor.laocai@demo.local", "/audit");
        var table = auditor.GetByTestId("audit-table");
        await Assertions.Expect(table).ToContainTextAsync("Trạng thái: Chờ thẩm định → Bị trả lại");
        await Assertions.Expect(table).ToContainTextAsync("Giá trị: 12,5 → 12,8");
        await Assertions.Expect(auditor.GetByTestId("audit-at").First).ToContainTextAsync("(UTC+7)");
        await Assertions.Expect(table).Not.ToContainTextAsync("ReportedValue");
        await Assertions.Expect(table).Not.ToContainTextAsync("ReturnReason");
        await BrowserSession.ScreenshotAsync(auditor, "audit-log-words");
    }
}
