using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Domain.Tests;

public class ReportingPeriodTests
{
    private static readonly DateOnly Due = new(2026, 1, 31);

    private static ReportingPeriod Period(PeriodState state) => new("2025", Due, state);

    // ---- codes

    [Fact]
    public void ReportingPeriod_AYearCodeCoversTheWholeYearFromFirstJanuary()
    {
        var period = new ReportingPeriod("2025", Due);

        Assert.Equal("2025", period.Code);
        Assert.Equal(2025, period.Year);
        Assert.Null(period.Half);
        Assert.Equal(new DateOnly(2025, 1, 1), period.Starts);
        Assert.Equal(Due, period.DueOn);
        Assert.Equal(PeriodState.Open, period.State);
    }

    [Fact]
    public void ReportingPeriod_TheFirstHalfStartsOnFirstJanuary()
    {
        var period = new ReportingPeriod("2025-H1", Due);

        Assert.Equal(2025, period.Year);
        Assert.Equal(1, period.Half);
        Assert.Equal(new DateOnly(2025, 1, 1), period.Starts);
    }

    [Fact]
    public void ReportingPeriod_TheSecondHalfStartsOnFirstJuly()
    {
        var period = new ReportingPeriod("2025-H2", Due);

        Assert.Equal(2025, period.Year);
        Assert.Equal(2, period.Half);
        Assert.Equal(new DateOnly(2025, 7, 1), period.Starts);
    }

    [Theory]
    [InlineData("2025", 2025, null)]
    [InlineData("2025-H1", 2025, 1)]
    [InlineData("2030-H2", 2030, 2)]
    public void ReportingPeriod_ParseReadsYearAndHalf(string code, int year, int? half)
    {
        Assert.Equal((year, half), ReportingPeriod.Parse(code));
        Assert.True(ReportingPeriod.IsValidCode(code));
    }

    [Theory]
    [InlineData("2025-H3")]
    [InlineData("2025-H0")]
    [InlineData("25")]
    [InlineData("2025H1")]
    [InlineData("2025-h1")]
    [InlineData("")]
    [InlineData(" ")]
    public void ReportingPeriod_RefusesACodeThatIsNotAYearOrAHalfYear(string code)
    {
        var error = Assert.Throws<DomainException>(() => new ReportingPeriod(code, Due));

        Assert.Equal("period.code-invalid", error.Code);
        Assert.False(ReportingPeriod.IsValidCode(code));
    }

    [Fact]
    public void ReportingPeriod_ParseRefusesAnInvalidCode()
    {
        var error = Assert.Throws<DomainException>(() => ReportingPeriod.Parse("2025-H3"));

        Assert.Equal("period.code-invalid", error.Code);
    }

    [Fact]
    public void ReportingPeriod_NullIsNotAValidCode() =>
        Assert.False(ReportingPeriod.IsValidCode(null));

    // ---- states

    [Fact]
    public void ReportingPeriod_AnOpenPeriodLetsStaffAndReviewersWrite()
    {
        var period = Period(PeriodState.Open);

        period.EnsureStaffCanWrite();
        period.EnsureReviewerCanWrite();
    }

    [Fact]
    public void ReportingPeriod_AClosedPeriodRefusesStaff()
    {
        var error = Assert.Throws<DomainException>(() => Period(PeriodState.Closed).EnsureStaffCanWrite());

        Assert.Equal("period.closed", error.Code);
    }

    [Fact]
    public void ReportingPeriod_AClosedPeriodStillLetsReviewersWrite() =>
        Period(PeriodState.Closed).EnsureReviewerCanWrite();

    [Fact]
    public void ReportingPeriod_ALockedPeriodRefusesStaff()
    {
        var error = Assert.Throws<DomainException>(() => Period(PeriodState.Locked).EnsureStaffCanWrite());

        Assert.Equal("period.locked", error.Code);
    }

    [Fact]
    public void ReportingPeriod_ALockedPeriodRefusesReviewers()
    {
        var error = Assert.Throws<DomainException>(() => Period(PeriodState.Locked).EnsureReviewerCanWrite());

        Assert.Equal("period.locked", error.Code);
    }

    [Fact]
    public void ReportingPeriod_ChangingTheStateChangesWhoCanWrite()
    {
        var period = Period(PeriodState.Open);

        period.ChangeState(PeriodState.Locked);

        Assert.Equal(PeriodState.Locked, period.State);
        Assert.Equal("period.locked", Assert.Throws<DomainException>(period.EnsureReviewerCanWrite).Code);
    }
}
