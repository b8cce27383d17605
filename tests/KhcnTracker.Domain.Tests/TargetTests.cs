namespace KhcnTracker.Domain.Tests;

/// <summary>A target's life: created from the catalogue, edited by a user, refreshed, confirmed, retired.</summary>
public class TargetTests
{
    [Fact]
    public void Target_CreateRecordsItsSubjectAndSource()
    {
        var target = Samples.Target(toBeConfirmed: true);

        Assert.Equal("nq57", target.DocumentCode);
        Assert.Equal("laocai", target.UnitCode);
        Assert.Equal("digital-economy-grdp-share", target.IndicatorCode);
        Assert.Equal("nq57.pdf", target.SourceFile);
        Assert.Equal("Kinh tế số đạt tối thiểu 30% GRDP", target.SourceQuote);
        Assert.True(target.ToBeConfirmed);
        Assert.False(target.EditedByUser);
        Assert.False(target.IsRetired);
    }

    [Fact]
    public void Target_IsFoundByItsQuoteWithoutDiacritics() =>
        Assert.Contains("kinh te so dat toi thieu 30%", Samples.Target().SearchText);

    [Fact]
    public void Target_TermsGiveBackWhatItWasCreatedWith()
    {
        var terms = Samples.Terms(value: 20m, comparator: Comparator.Between, valueMax: 30m, year: 2030,
            baselineYear: 2024, baselineValue: 10m, note: "Ghi chú");

        Assert.Equal(terms, Samples.Target(terms).Terms);
    }

    [Fact]
    public void Target_RefusesAQuoteOverTheMaximumLength()
    {
        var source = new TargetSource("nq57.pdf", new string('x', Target.MaxQuoteLength + 1));

        var error = Assert.Throws<DomainException>(() =>
            Target.Create(Samples.Document(), Samples.Unit(), Samples.Indicator(), Samples.Terms(), source, false));
        Assert.Equal("target.quote-too-long", error.Code);
    }

    [Fact]
    public void Target_EditChangesTheTermsAndMarksItEditedByUser()
    {
        var target = Samples.Target(Samples.Terms(value: 30m));

        target.Edit(Samples.Document(), Samples.Indicator(), Samples.Terms(value: 35m, year: 2030), Samples.Source("Đạt 35%"));

        Assert.Equal(35m, target.Value);
        Assert.Equal("Đạt 35%", target.SourceQuote);
        Assert.True(target.EditedByUser);
    }

    [Fact]
    public void Target_EditThatBreaksARuleIsRefusedAndChangesNothing()
    {
        var target = Samples.Target(Samples.Terms(value: 30m));

        var error = Assert.Throws<DomainException>(() =>
            target.Edit(Samples.Document(), Samples.Indicator(), Samples.Terms(value: 130m), Samples.Source("Đạt 130%")));

        Assert.Equal("target.percent-over-100", error.Code);
        Assert.Equal(30m, target.Value);
        Assert.Equal("Kinh tế số đạt tối thiểu 30% GRDP", target.SourceQuote);
        Assert.False(target.EditedByUser);
    }

    [Fact]
    public void Target_EditCannotMoveItToAnotherIndicator()
    {
        var target = Samples.Target();
        var other = Samples.Indicator(code: "internet-coverage");

        var error = Assert.Throws<DomainException>(() =>
            target.Edit(Samples.Document(), other, Samples.Terms(), Samples.Source()));

        Assert.Equal("target.subject-changed", error.Code);
        Assert.Equal("digital-economy-grdp-share", target.IndicatorCode);
    }

    [Fact]
    public void Target_EditCannotMoveItToAnotherDocument()
    {
        var target = Samples.Target();

        var error = Assert.Throws<DomainException>(() =>
            target.Edit(Samples.Document(code: "kh01"), Samples.Indicator(), Samples.Terms(), Samples.Source()));

        Assert.Equal("target.subject-changed", error.Code);
    }

    [Fact]
    public void Target_RefreshFromCatalogueUpdatesAnUneditedTarget()
    {
        var target = Samples.Target(Samples.Terms(value: 30m), toBeConfirmed: true);

        var refreshed = target.RefreshFromCatalogue(Samples.Document(), Samples.Indicator(), Samples.Terms(value: 40m),
            Samples.Source("Đạt 40%"), toBeConfirmed: false);

        Assert.True(refreshed);
        Assert.Equal(40m, target.Value);
        Assert.Equal("Đạt 40%", target.SourceQuote);
        Assert.False(target.ToBeConfirmed);
        Assert.False(target.EditedByUser);
    }

    [Fact]
    public void Target_RefreshFromCatalogueReturnsFalseAndChangesNothingAfterAnEdit()
    {
        var target = Samples.Target(Samples.Terms(value: 30m), toBeConfirmed: true);
        target.Edit(Samples.Document(), Samples.Indicator(), Samples.Terms(value: 35m), Samples.Source("Đạt 35%"));

        var refreshed = target.RefreshFromCatalogue(Samples.Document(), Samples.Indicator(), Samples.Terms(value: 40m, year: 2035),
            Samples.Source("Đạt 40%"), toBeConfirmed: false);

        Assert.False(refreshed);
        Assert.Equal(35m, target.Value);
        Assert.Equal(2030, target.Year);
        Assert.Equal("Đạt 35%", target.SourceQuote);
        Assert.True(target.ToBeConfirmed);
        Assert.True(target.EditedByUser);
    }

    [Fact]
    public void Target_ConfirmClearsToBeConfirmedAndProtectsItFromRefresh()
    {
        var target = Samples.Target(Samples.Terms(value: 30m), toBeConfirmed: true);

        target.Confirm();

        Assert.False(target.ToBeConfirmed);
        Assert.True(target.EditedByUser);
        Assert.False(target.RefreshFromCatalogue(Samples.Document(), Samples.Indicator(), Samples.Terms(value: 40m), Samples.Source(), toBeConfirmed: true));
        Assert.Equal(30m, target.Value);
        Assert.False(target.ToBeConfirmed);
    }

    [Fact]
    public void Target_BlankNoteAndQuoteAreStoredAsMissing()
    {
        var target = Target.Create(Samples.Document(), Samples.Unit(), Samples.Indicator(),
            Samples.Terms(note: "   "), new TargetSource(null, "  "), false);

        Assert.Null(target.NoteVi);
        Assert.Null(target.SourceQuote);
    }
}
