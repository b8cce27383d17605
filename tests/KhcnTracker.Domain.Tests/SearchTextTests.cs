namespace KhcnTracker.Domain.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Kinh tế số", "kinh te so")] // Vietnamese diacritics dropped
    [InlineData("Đổi mới sáng tạo", "doi moi sang tao")] // Đ becomes a plain d
    [InlineData("chuyển đổi số", "chuyen doi so")] // and đ too
    [InlineData("GRDP 2030 - 5%", "grdp 2030 - 5%")] // text without marks is only lowered
    public void Fold_DropsTheMarksAndLowersTheText(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

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
