namespace KhcnTracker.Domain.Tests;

public class PolicyDocumentTests
{
    [Fact]
    public void PolicyDocument_KeepsItsDetails()
    {
        var document = new PolicyDocument("nq57", Samples.DocumentDetails(2024, new DateOnly(2024, 12, 22)));

        Assert.Equal("nq57", document.Code);
        Assert.Equal(2024, document.Year);
        Assert.Equal(new DateOnly(2024, 12, 22), document.IssuedOn);
        Assert.Equal("vietnam", document.UnitCode);
        Assert.Equal(DocumentKind.Resolution, document.Kind);
        Assert.False(document.EditedByUser);
    }

    [Fact]
    public void PolicyDocument_RefusesADateNotInItsYear()
    {
        var error = Assert.Throws<DomainException>(() =>
            new PolicyDocument("nq57", Samples.DocumentDetails(2025, new DateOnly(2024, 12, 22))));
        Assert.Equal("document.date-year-mismatch", error.Code);
    }

    [Fact]
    public void PolicyDocument_AcceptsAMissingDate()
    {
        var document = new PolicyDocument("nq57", Samples.DocumentDetails(2025) with { IssuedOn = null });

        Assert.Null(document.IssuedOn);
        Assert.Equal(2025, document.Year);
    }

    [Theory]
    [InlineData(1944)]
    [InlineData(2101)]
    public void PolicyDocument_RefusesAYearOutOfRange(int year)
    {
        var error = Assert.Throws<DomainException>(() =>
            new PolicyDocument("nq57", Samples.DocumentDetails(year) with { IssuedOn = null }));
        Assert.Equal("document.year-out-of-range", error.Code);
    }

    [Fact]
    public void PolicyDocument_RefusesImplementingItself()
    {
        var error = Assert.Throws<DomainException>(() =>
            new PolicyDocument("nq57", Samples.DocumentDetails() with { ImplementsCode = "nq57" }));
        Assert.Equal("document.implements-itself", error.Code);
    }

    [Fact]
    public void PolicyDocument_RefusesAnEmptyTitle()
    {
        var error = Assert.Throws<DomainException>(() =>
            new PolicyDocument("nq57", Samples.DocumentDetails() with { TitleVi = " " }));
        Assert.Equal("document.title-missing", error.Code);
    }

    [Fact]
    public void PolicyDocument_StoresABlankNumberAsMissing() =>
        Assert.Null(new PolicyDocument("nq57", Samples.DocumentDetails() with { Number = "  " }).Number);

    [Fact]
    public void PolicyDocument_ConfirmClearsToBeConfirmedAndMarksItEditedByUser()
    {
        var document = new PolicyDocument("nq57", Samples.DocumentDetails(toBeConfirmed: true));
        Assert.True(document.ToBeConfirmed);

        document.Confirm();

        Assert.False(document.ToBeConfirmed);
        Assert.True(document.EditedByUser);
    }

    [Fact]
    public void PolicyDocument_RefreshFromCatalogueReturnsFalseAndChangesNothingAfterConfirm()
    {
        var document = new PolicyDocument("nq57", Samples.DocumentDetails(toBeConfirmed: true));
        document.Confirm();

        var refreshed = document.RefreshFromCatalogue(Samples.DocumentDetails(toBeConfirmed: true) with { TitleVi = "Tiêu đề khác" });

        Assert.False(refreshed);
        Assert.False(document.ToBeConfirmed);
        Assert.NotEqual("Tiêu đề khác", document.TitleVi);
    }

    [Fact]
    public void PolicyDocument_RefreshUpdatesAnUneditedDocument()
    {
        var document = new PolicyDocument("nq57", Samples.DocumentDetails(toBeConfirmed: true));

        var refreshed = document.RefreshFromCatalogue(Samples.DocumentDetails(toBeConfirmed: false) with { TitleVi = "Tiêu đề mới" });

        Assert.True(refreshed);
        Assert.Equal("Tiêu đề mới", document.TitleVi);
        Assert.False(document.ToBeConfirmed);
        Assert.False(document.EditedByUser);
    }

    [Fact]
    public void PolicyDocument_EditMarksItEditedByUser()
    {
        var document = Samples.Document();

        document.Edit(Samples.DocumentDetails() with { Number = "57/NQ-TW" });

        Assert.Equal("57/NQ-TW", document.Number);
        Assert.True(document.EditedByUser);
    }
}
