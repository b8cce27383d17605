using System.Text;

namespace KhcnTracker.BrowserTests;

public sealed class ImportBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task StaffImportACsvAndSeeTheValuesAsDrafts()
    {
        var page = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        await Assertions.Expect(page.GetByTestId("my-values")).ToBeVisibleAsync();
        await page.GetByTestId("period-2025").ClickAsync();
        var csv = "Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\n" +
                  "laocai,innovating-enterprise-share,,2025,\"18,4\",Sở KH&CN,\n" +
                  "laocai,ip-commercialisation-share,,2025,3,Sở KH&CN,\n";

        await BrowserSession.UploadAsync(page, "import-upload",
            new FilePayload { Name = "so-lieu.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) },
            page.GetByTestId("import-summary"));
        // First what the file would do; nothing is saved until the person confirms.
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("2 dòng mới, 0 dòng thay đổi, 0 dòng không đổi, 0 dòng không nhập");
        await Assertions.Expect(page.Locator("tr.value-row-innovating-enterprise-share-2025")).Not.ToContainTextAsync("18,4");
        await BrowserSession.ScreenshotAsync(page, "import-summary");
        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("Đã nhập 2 dòng số liệu.")).ToBeVisibleAsync();
        var row = page.Locator("tr.value-row-innovating-enterprise-share-2025");
        await Assertions.Expect(row).ToContainTextAsync("18,4");
        await Assertions.Expect(row).ToContainTextAsync("Nháp");
        await BrowserSession.ScreenshotAsync(page, "import-done");
    }

    [Fact]
    public async Task AWrongFileListsItsErrorsAndChangesNothing()
    {
        var page = await session.OpenSignedInAsync("staff2.quangtri@demo.local", "/my-work");
        var csv = "Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\nlaocai,digital-economy-grdp-share,,2025,abc,,\n";
        // The upload control wires itself up after the worklist renders: wait for the worklist first.
        await Assertions.Expect(page.GetByTestId("my-values")).ToBeVisibleAsync();

        await BrowserSession.UploadAsync(page, "import-upload",
            new FilePayload { Name = "sai.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) },
            page.GetByTestId("import-error"));

        await Assertions.Expect(page.GetByTestId("import-error").First).ToContainTextAsync("dòng 2, cột A (Mã tỉnh)");
    }

    [Fact]
    public async Task AFileWithManyWrongRowsListsTheFirst200AndSaysHowManyMore()
    {
        var page = await session.OpenSignedInAsync("staff.phutho@demo.local", "/my-work");
        var csv = new StringBuilder("Mã tỉnh,Mã chỉ số,Tên chỉ số,Kỳ báo cáo,Giá trị,Nguồn số liệu,Ghi chú\n");
        for (var i = 0; i < 250; i++) csv.Append($"phutho,khong-co-{i},,2025,1,,\n");
        await Assertions.Expect(page.GetByTestId("my-values")).ToBeVisibleAsync();

        await BrowserSession.UploadAsync(page, "import-upload",
            new FilePayload { Name = "nhieu-loi.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) },
            page.GetByTestId("import-error"));

        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveCountAsync(201);
        await Assertions.Expect(page.GetByTestId("import-error").Nth(199)).ToContainTextAsync("Không có chỉ số mã “khong-co-199”");
        await Assertions.Expect(page.GetByTestId("import-error").Last)
            .ToHaveTextAsync("… và 50 lỗi khác (tổng cộng 250 lỗi); hãy sửa các lỗi trên rồi nhập lại để xem tiếp.");
        await page.GetByTestId("import-error").Last.ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "import-many-errors");
    }
}
