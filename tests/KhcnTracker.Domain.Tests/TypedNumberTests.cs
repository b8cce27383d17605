namespace KhcnTracker.Domain.Tests;

public class TypedNumberTests
{
    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("0.25", 0.25)]
    [InlineData("12.50", 12.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("12 345 678", 12345678)]
    [InlineData("10000", 10000)]
    [InlineData("0.125", 0.125)]
    [InlineData("12.3456", 12.3456)]
    [InlineData(" 330 ", 330)]
    [InlineData("-2,5", -2.5)]
    [InlineData(",5", 0.5)]
    public void TypedNumber_IsReadExactlyAsThePersonMeantIt(string text, double expected)
    {
        var (value, problem) = TypedNumber.Parse(text, decimals: 4);

        Assert.Null(problem);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("12.500")]
    public void TypedNumber_ADotThatCouldGroupThousandsIsRefusedAsAmbiguous_WhereThreeDecimalsAreAllowed(string text) =>
        Assert.Equal((null, TypedNumberProblem.AmbiguousDot), TypedNumber.Parse(text, decimals: 3));

    [Theory]
    [InlineData("10.000", 0, 10000)]
    [InlineData("1.234", 1, 1234)]
    [InlineData("12.500", 2, 12500)]
    public void TypedNumber_ADotBeforeThreeDigitsGroupsThousands_WhereThreeDecimalsCannotBe(string text, int decimals, double expected) =>
        Assert.Equal(((decimal?)expected, (TypedNumberProblem?)null), TypedNumber.Parse(text, decimals));

    [Theory]
    [InlineData("12,500", 2)]
    [InlineData("1,000", 0)]
    public void TypedNumber_ACommaBeforeThreeDigitsIsRefusedAsAmbiguous_WhereThreeDecimalsCannotBe(string text, int decimals) =>
        Assert.Equal((null, TypedNumberProblem.AmbiguousComma), TypedNumber.Parse(text, decimals));

    [Fact]
    public void TypedNumber_ACommaBeforeThreeDigitsIsADecimal_WhereThreeDecimalsAre() =>
        Assert.Equal(((decimal?)12.5m, (TypedNumberProblem?)null), TypedNumber.Parse("12,500", decimals: 3));

    [Theory]
    [InlineData("abc")]
    [InlineData("2 5")]
    [InlineData("10 5")]
    [InlineData("1 23,5")]
    [InlineData("1,2 5")]
    [InlineData("12,5,3")]
    [InlineData("1.23.4")]
    [InlineData("1,234,5.6")]
    [InlineData("12%")]
    [InlineData(".")]
    [InlineData("1e5")]
    public void TypedNumber_AnythingElseIsNotANumber(string text) =>
        Assert.Equal((null, TypedNumberProblem.NotANumber), TypedNumber.Parse(text, decimals: 2));

    [Fact]
    public void TypedNumber_NothingTypedIsNoValue() => Assert.Equal((null, null), TypedNumber.Parse("  ", decimals: 2));
}
