namespace KhcnTracker.Domain.Catalogue;

public enum Comparator { AtLeast, MoreThan, AtMost, LessThan, EqualTo, Between, RankWithinTop, MilestoneReached }

public enum GrowthMode { PercentIncrease, Multiple }

/// <summary>A target expressed as growth over a base period ("+30% vs 2021–2025", "×2 vs 2025").</summary>
public sealed record TargetGrowth(GrowthMode Mode, int FromYear, int ToYear);

/// <summary>What a target asks for; checked against the indicator and the document by <see cref="Target"/>.</summary>
public sealed record TargetTerms(
    int Year, Comparator Comparator, decimal? Value, decimal? ValueMax, TargetGrowth? Growth,
    int? BaselineYear, decimal? BaselineValue, string? NoteVi);

/// <summary>Where a target comes from: the source file and the exact words.</summary>
public sealed record TargetSource(string? SourceFile, string? Quote);

/// <summary>A document's target for one unit, one indicator and one year.</summary>
public sealed class Target : CatalogueRecord
{
    public const int MaxQuoteLength = 2000;
    public const int MaxNoteLength = 1000;
    public const int MaxSearchTextLength = MaxQuoteLength + MaxNoteLength + 1;

    public int Id { get; private set; }
    public string DocumentCode { get; private set; } = null!;
    public string UnitCode { get; private set; } = null!;
    public string IndicatorCode { get; private set; } = null!;
    public int Year { get; private set; }
    public Comparator Comparator { get; private set; }
    public decimal? Value { get; private set; }
    public decimal? ValueMax { get; private set; }
    public GrowthMode? GrowthMode { get; private set; }
    public int? GrowthFromYear { get; private set; }
    public int? GrowthToYear { get; private set; }
    public int? BaselineYear { get; private set; }
    public decimal? BaselineValue { get; private set; }
    public string? NoteVi { get; private set; }
    public string? SourceFile { get; private set; }
    public string? SourceQuote { get; private set; }
    public bool ToBeConfirmed { get; private set; }
    public string SearchText { get; private set; } = null!;
    public uint Version { get; private set; }

    private Target() { }

    public static Target Create(PolicyDocument document, AdministrativeUnit unit, Indicator indicator,
        TargetTerms terms, TargetSource source, bool toBeConfirmed)
    {
        var target = new Target
        {
            DocumentCode = document.Code,
            UnitCode = unit.Code,
            IndicatorCode = indicator.Code,
            ToBeConfirmed = toBeConfirmed,
        };
        target.Apply(document, indicator, terms, source);
        return target;
    }

    public TargetGrowth? Growth => GrowthMode is { } mode ? new TargetGrowth(mode, GrowthFromYear!.Value, GrowthToYear!.Value) : null;

    public TargetTerms Terms => new(Year, Comparator, Value, ValueMax, Growth, BaselineYear, BaselineValue, NoteVi);

    public void Edit(PolicyDocument document, Indicator indicator, TargetTerms terms, TargetSource source)
    {
        EnsureSameSubject(document, indicator);
        Apply(document, indicator, terms, source);
        MarkEdited();
    }

    public void Confirm()
    {
        ToBeConfirmed = false;
        MarkEdited();
    }

    public bool RefreshFromCatalogue(PolicyDocument document, Indicator indicator, TargetTerms terms, TargetSource source, bool toBeConfirmed)
    {
        if (EditedByUser) return false;
        EnsureSameSubject(document, indicator);
        Apply(document, indicator, terms, source);
        ToBeConfirmed = toBeConfirmed;
        return true;
    }

    private void EnsureSameSubject(PolicyDocument document, Indicator indicator)
    {
        if (document.Code != DocumentCode || indicator.Code != IndicatorCode)
            throw new DomainException("target.subject-changed", "A target's document and indicator cannot change; retire it and add another.");
    }

    private void Apply(PolicyDocument document, Indicator indicator, TargetTerms t, TargetSource source)
    {
        TargetRules.Check(document, indicator, t);
        if (source.Quote is { Length: > MaxQuoteLength })
            throw new DomainException("target.quote-too-long", $"A quote holds at most {MaxQuoteLength} characters.");
        var note = TextLimits.Bounded(string.IsNullOrWhiteSpace(t.NoteVi) ? null : t.NoteVi.Trim(), MaxNoteLength);
        var sourceFile = TextLimits.Bounded(source.SourceFile, MaxSourceFileLength);
        Year = t.Year;
        Comparator = t.Comparator;
        Value = t.Value;
        ValueMax = t.ValueMax;
        GrowthMode = t.Growth?.Mode;
        GrowthFromYear = t.Growth?.FromYear;
        GrowthToYear = t.Growth?.ToYear;
        BaselineYear = t.BaselineYear;
        BaselineValue = t.BaselineValue;
        NoteVi = note;
        SourceFile = sourceFile;
        SourceQuote = string.IsNullOrWhiteSpace(source.Quote) ? null : source.Quote.Trim();
        SearchText = Common.SearchText.Fold(SourceQuote, NoteVi);
    }
}
