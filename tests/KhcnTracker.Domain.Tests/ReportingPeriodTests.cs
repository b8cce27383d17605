namespace KhcnTracker.Domain.Tests;

public class ReportingPeriodTests
{
    private static readonly DateOnly Due = new(2026, 1, 31);

    private static UnitPeriod Period(PeriodState state) => new(new ReportingPeriod("2025", Due), "laocai", state);
    private static readonly DateTimeOffset At = new(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(7));

    // ---- codes

    [Fact]
    public void ReportingPeriod_AYearCodeCoversTheWholeYearFromFirstJanuary()
    {
        var period = new ReportingPeriod("2025", Due);

        Assert.Equal("2025", period.Code);
        Assert.Equal(2025, period.Year);
        Assert.Null(period.Half);
        Assert.Equal(new DateOnly(2025, 1, 1), ReportingPeriod.StartOf(period.Code));
        Assert.Equal(Due, period.DueOn);
        Assert.Equal(new DateOnly(2025, 12, 31), period.Ends);
    }

    [Theory]
    // the first half starts on 1 January, the second on 1 July
    [InlineData("2025-H1", 1, 1)]
    [InlineData("2025-H2", 2, 7)]
    public void ReportingPeriod_AHalfStartsOnItsFirstMonth(string code, int half, int firstMonth)
    {
        var period = new ReportingPeriod(code, Due);

        Assert.Equal(2025, period.Year);
        Assert.Equal(half, period.Half);
        Assert.Equal(new DateOnly(2025, firstMonth, 1), ReportingPeriod.StartOf(period.Code));
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
    public void UnitPeriod_LockingChangesWhoCanWriteAndRecordsWhoWhenAndWhy()
    {
        var period = Period(PeriodState.Open);

        period.Lock(" Sổ sách năm 2025 đã khóa ", "reviewer@laocai.gov.vn", At);

        Assert.Equal(PeriodState.Locked, period.State);
        Assert.Equal("Sổ sách năm 2025 đã khóa", period.Reason);
        Assert.Equal("reviewer@laocai.gov.vn", period.ChangedBy);
        Assert.Equal(At, period.ChangedAt);
        Assert.Equal("period.locked", Assert.Throws<DomainException>(period.EnsureReviewerCanWrite).Code);
    }

    [Theory]
    [InlineData(PeriodState.Open, PeriodState.Closed)]
    [InlineData(PeriodState.Open, PeriodState.Locked)]
    [InlineData(PeriodState.Closed, PeriodState.Open)]
    [InlineData(PeriodState.Closed, PeriodState.Locked)]
    [InlineData(PeriodState.Locked, PeriodState.Open)]
    [InlineData(PeriodState.Locked, PeriodState.Closed)]
    public void UnitPeriod_MovesBetweenAnyTwoStatesWithAReason(PeriodState from, PeriodState to)
    {
        var period = Period(from);
        Action<string, string, DateTimeOffset> change = to switch
        {
            PeriodState.Open => period.Open,
            PeriodState.Closed => period.Close,
            _ => period.Lock,
        };

        change("lý do", "admin@demo.local", At);

        Assert.Equal(to, period.State);
    }

    [Theory]
    [InlineData("", "period.reason-missing")]
    [InlineData("   ", "period.reason-missing")]
    public void UnitPeriod_RefusesAChangeWithoutAReason(string reason, string code)
    {
        var period = Period(PeriodState.Open);

        Assert.Equal(code, Assert.Throws<DomainException>(() => period.Close(reason, "admin@demo.local", At)).Code);
        Assert.Equal(PeriodState.Open, period.State);
    }

    [Fact]
    public void UnitPeriod_RefusesToMoveToTheStateItIsIn() =>
        Assert.Equal("period.already-locked",
            Assert.Throws<DomainException>(() => Period(PeriodState.Locked).Lock("again", "admin@demo.local", At)).Code);

    [Theory]
    [InlineData("2014")]
    [InlineData("2000-H1")]
    public void ReportingPeriod_RefusesAYearBefore2015(string code)
    {
        Assert.Equal("period.year-out-of-range", Assert.Throws<DomainException>(() => new ReportingPeriod(code, Due)).Code);
        Assert.Equal("period.year-out-of-range", Assert.Throws<DomainException>(() => ReportingPeriod.ParseNew(code)).Code);
    }

    [Fact]
    public void ReportingPeriod_AcceptsTheBaselineYear2015() =>
        Assert.Equal(2015, new ReportingPeriod("2015", new DateOnly(2016, 1, 31)).Year);

    [Fact]
    public void ReportingPeriod_RefusesADueDateBeforeThePeriodEnds()
    {
        var period = new ReportingPeriod("2025-H1", new DateOnly(2025, 7, 31));

        Assert.Equal("period.due-before-end", Assert.Throws<DomainException>(() => period.SetDueDate(new DateOnly(2025, 6, 1))).Code);
        Assert.Equal(new DateOnly(2025, 7, 31), period.DueOn);
        period.SetDueDate(new DateOnly(2025, 8, 15));
        Assert.Equal(new DateOnly(2025, 8, 15), period.DueOn);
    }
}
