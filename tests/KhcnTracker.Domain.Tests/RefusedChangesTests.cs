namespace KhcnTracker.Domain.Tests;

/// <summary>A refused change leaves the object as it was, so a caller that catches the refusal and saves loses nothing.</summary>
public sealed class RefusedChangesTests
{
    [Fact]
    public void ARefusedIndicatorEditChangesNothing()
    {
        var indicator = Samples.Indicator();
        var refused = Samples.IndicatorDetails(formula: "{digital-economy-grdp-share} * 2") with { NameVi = "Tên mới" };

        Assert.Throws<DomainException>(() => indicator.Edit(refused, indicator.Band));

        Assert.Equal("Tỷ trọng kinh tế số trong GRDP", indicator.NameVi);
        Assert.Null(indicator.Formula);
        Assert.False(indicator.EditedByUser);
    }

    [Fact]
    public void ARefusedDocumentEditChangesNothing()
    {
        var document = Samples.Document();

        Assert.Throws<DomainException>(() => document.Edit(Samples.DocumentDetails() with { Number = "99", UnitCode = "Lào Cai" }));

        Assert.Equal("57-NQ/TW", document.Number);
        Assert.Equal("vietnam", document.UnitCode);
    }

    [Fact]
    public void ARefusedTaskEditChangesNothing()
    {
        var document = Samples.Document();
        var task = new PlanTask(document, 1, Samples.TaskDetails());

        Assert.Throws<DomainException>(() => task.Edit(document, Samples.TaskDetails(leadAgency: "Sở KH&CN") with { NameVi = "Tên mới" }));

        Assert.Equal("Xây dựng cơ sở dữ liệu khoa học và công nghệ", task.NameVi);
        Assert.Equal("sokhcn", task.LeadAgencyCode);
    }

    [Fact]
    public void AMilestoneWithHalfABaselineIsRefused()
    {
        var milestone = new Indicator("data-centre", Samples.IndicatorDetails(Measure.Milestone));
        var error = Assert.Throws<DomainException>(() => Samples.Target(
            Samples.Terms(value: null, comparator: Comparator.MilestoneReached, baselineYear: 2024), milestone));
        Assert.Equal("target.baseline-incomplete", error.Code);
    }

    [Fact]
    public void ARetiredTaskIsNeverOverdue()
    {
        var task = new PlanTask(Samples.Document(), 1, Samples.TaskDetails(endYear: 2025));
        Assert.True(task.IsOverdue(2026));

        task.Retire(new KhcnTracker.Domain.Catalogue.Retirement("admin@demo.local", DateTimeOffset.UnixEpoch, "Không còn hiệu lực"));

        Assert.False(task.IsOverdue(2026));
    }

    [Fact]
    public void AnAgencySuccessorNeedsAMergerDate()
    {
        var error = Assert.Throws<DomainException>(() =>
            new Agency("vinhphuc", "stttt", "Sở Thông tin và Truyền thông", "Department of Information and Communications",
                "phutho", "skhcn", mergedOn: null, toBeConfirmed: true));
        Assert.Equal("agency.merger-date-missing", error.Code);
    }

    [Theory]
    [InlineData("Kinh\ttế  số", "kinh te so")]
    [InlineData("  kinh te so \n", "kinh te so")]
    [InlineData(" \t ", null)]
    public void APhraseIgnoresHowWordsAreSpaced(string query, string? phrase) =>
        Assert.Equal(phrase, SearchText.Phrase(query));
}
