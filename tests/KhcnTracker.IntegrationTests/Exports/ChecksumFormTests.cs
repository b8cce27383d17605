using KhcnTracker.Application.Exports;

namespace KhcnTracker.IntegrationTests.Exports;

/// <summary>
/// The checksum printed in every export is computed over a canonical text form of the cells that must never change:
/// a checksum written in a file exported last year is verified today by exporting the same data as of the same moment.
/// The CSV writer may change how it quotes and guards cells; the checksum form may not.
/// </summary>
public sealed class ChecksumFormTests
{
    // A table with every kind of cell: text that looks like a formula (at the start and after a separator), commas,
    // quotes, line breaks, negative and scaled decimals, whole numbers, dates, moments and empty cells.
    private static readonly ExportTable Table = new(
        [new("Mã"), new("Giá trị", ColumnKind.Number), new("Ngày"), new("Thời điểm", ColumnKind.DateTime), new("Ghi chú")],
        [
            ["=HYPERLINK(\"http://x\")", -3.25m, new DateOnly(2025, 7, 1), new DateTimeOffset(2025, 7, 1, 8, 30, 0, TimeSpan.FromHours(7)), "a;=1+1"],
            ["Sở KH&CN, Lào Cai", 12.000000m, null, null, "dòng 1\r\ndòng 2 \"trích\""],
            ["+1", 7, null, null, "@SUM(A1)"],
        ]);

    /// <summary>Computed by the release that first printed checksums (before CSV text cells were always quoted).</summary>
    private const string PublishedChecksum = "65bf412f41ebb411015d12f069b5ddf3fa115dd7bd162220c77f14c3d742a78b";

    [Fact]
    public void AChecksumPublishedBeforeTheCsvWriterChangedStillVerifies() => Assert.Equal(PublishedChecksum, Table.Checksum());
}
