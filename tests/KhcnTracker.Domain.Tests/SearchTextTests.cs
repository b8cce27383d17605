namespace KhcnTracker.Domain.Tests;

public class SearchTextTests
{
    [Fact]
    public void Fold_DropsVietnameseDiacritics() =>
        Assert.Equal("kinh te so", SearchText.Fold("Kinh tế số"));

    [Fact]
    public void Fold_TurnsDStrokeIntoPlainD() =>
        Assert.Equal("doi moi sang tao", SearchText.Fold("Đổi mới sáng tạo"));

    [Fact]
    public void Fold_TurnsLowercaseDStrokeIntoPlainD() =>
        Assert.Equal("chuyen doi so", SearchText.Fold("chuyển đổi số"));

    [Fact]
    public void Fold_IgnoresCase() =>
        Assert.Equal(SearchText.Fold("kinh te so"), SearchText.Fold("KINH TẾ SỐ"));

    [Fact]
    public void Fold_MakesTheUsersPlainQueryFindTheAccentedText() =>
        Assert.Contains(SearchText.Fold("ha noi"), SearchText.Fold("Thành phố Hà Nội"));

    [Fact]
    public void Fold_JoinsSeveralPartsWithOneSpace() =>
        Assert.Equal("khoa hoc science digital-economy", SearchText.Fold("Khoa học", "Science", "digital-economy"));

    [Fact]
    public void Fold_SkipsEmptyAndMissingParts() =>
        Assert.Equal("a b", SearchText.Fold(null, "A", "", "   ", "B", null));

    [Fact]
    public void Fold_OfNothingIsEmpty() =>
        Assert.Equal("", SearchText.Fold());

    [Fact]
    public void Fold_KeepsTextWithoutMarksAsIs() =>
        Assert.Equal("grdp 2030 - 5%", SearchText.Fold("GRDP 2030 - 5%"));

    [Fact]
    public void Phrase_FoldsTheQueryAndSqueezesItsSpaces() =>
        Assert.Equal("kinh te so", SearchText.Phrase("  Kinh   tế  số  "));

    [Fact]
    public void Phrase_OfAQueryWithTrailingSpacesStillFindsTheFoldedText() =>
        Assert.Contains(SearchText.Phrase("Đổi mới ")!, SearchText.Fold("Đổi mới sáng tạo"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Phrase_OfAnEmptyQueryIsNothing(string? query) =>
        Assert.Null(SearchText.Phrase(query));
}
