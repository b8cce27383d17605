namespace KhcnTracker.Domain.Tests;

public class SlugTests
{
    [Theory]
    [InlineData("laocai")]
    [InlineData("digital-economy-grdp-share")]
    [InlineData("nq57")]
    [InlineData("2025")]
    [InlineData("a")]
    public void Slug_AcceptsLowercaseAsciiCodes(string code) => Assert.True(Slug.IsValid(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LaoCai")]
    [InlineData("lào-cai")]
    [InlineData("lao cai")]
    [InlineData("lao_cai")]
    [InlineData("-laocai")]
    [InlineData("laocai-")]
    [InlineData("lao--cai")]
    [InlineData("lao.cai")]
    public void Slug_RefusesCodesThatAreNotLowercaseAsciiWords(string? code) => Assert.False(Slug.IsValid(code));

    [Fact]
    public void Slug_AcceptsTheMaximumLength() => Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));

    [Fact]
    public void Slug_RefusesOneCharacterOverTheMaximumLength() => Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));

    [Fact]
    public void Slug_RequireReturnsAValidCode() => Assert.Equal("phutho", Slug.Require("phutho", "unit"));

    [Fact]
    public void Slug_RequireRefusesAnInvalidCodeWithItsRuleAndTheCodeInTheMessage()
    {
        var error = Assert.Throws<DomainException>(() => Slug.Require("Phú Thọ", "unit"));
        Assert.Equal("slug.invalid", error.Code);
        Assert.Contains("Phú Thọ", error.Message);
        Assert.StartsWith("unit", error.Message);
    }
}
