namespace KhcnTracker.Domain.Tests;

/// <summary>What every catalogue row (document, indicator, target) does alike, checked once for each kind.</summary>
public sealed class CatalogueRecordTests
{
    public static TheoryData<string> Kinds => ["document", "indicator", "target"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RetiringARow_MarksItRetiredAndEditedByUser(string kind)
    {
        CatalogueRecord row = kind switch
        {
            "document" => Samples.Document(),
            "indicator" => Samples.Indicator(),
            _ => Samples.Target(),
        };

        row.Retire(new KhcnTracker.Domain.Catalogue.Retirement("admin@demo.local", DateTimeOffset.UnixEpoch, "Không còn hiệu lực"));

        Assert.True(row.IsRetired);
        Assert.True(row.EditedByUser);
    }
}
