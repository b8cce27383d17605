using KhcnTracker.Application.Exports;

namespace KhcnTracker.IntegrationTests.Exports;

/// <summary>The CSV every chart and table offers, as Excel and other systems read it.</summary>
public sealed class CsvTextTests
{
    [Fact]
    public void StartsWithABomAndKeepsVietnamese()
    {
        var bytes = CsvText.Write(["Tỉnh", "Giá trị"], [["Lào Cai", 12.5m]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("\"Tỉnh\",\"Giá trị\"\r\n\"Lào Cai\",12.5\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("Sở KH&CN, Lào Cai", "\"Sở KH&CN, Lào Cai\"")]
    [InlineData("bình thường", "\"bình thường\"")]
    [InlineData("", "\"\"")]
    // Every part a list separator could split off is guarded, not only the cell's start.
    [InlineData("Sở TT&TT;=HYPERLINK(\"http://x\",\"y\")", "\"Sở TT&TT;'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a; =1+1,@cmd;-2", "\"a; '=1+1,'@cmd;'-2\"")]
    [InlineData("tăng 5-7%; giảm", "\"tăng 5-7%; giảm\"")]
    public void QuotesEveryTextCellAndGuardsEveryPart(string text, string expected) => Assert.Equal(expected, CsvText.Cell(text));

    [Fact]
    public void WritesNegativeNumbersAsNumbers() => Assert.Equal("-3.25", CsvText.Cell(-3.25m));

    [Fact]
    public void DropsTheStoredScaleOfADecimal() => Assert.Equal("12", CsvText.Cell(12.000000m));

    [Fact]
    public void LeavesAnEmptyCellEmpty() => Assert.Equal("", CsvText.Cell(null));
}
