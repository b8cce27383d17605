namespace KhcnTracker.Domain.Catalogue;

public enum DocumentKind { Resolution, ActionProgramme, Plan, Decision }

/// <summary>A resolution, action programme, plan or decision that sets targets and assigns tasks.</summary>
public sealed class PolicyDocument : CatalogueRecord
{
    public const int MaxTitleLength = 1000;
    public const int MaxIssuerLength = 300;
    public const int MaxNumberLength = 100;

    public string Code { get; private set; } = null!;
    public string? Number { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string TitleVi { get; private set; } = null!;
    public string TitleEn { get; private set; } = null!;
    public string Issuer { get; private set; } = null!;
    public string UnitCode { get; private set; } = null!;
    public DateOnly? IssuedOn { get; private set; }
    public int Year { get; private set; }
    public string? ImplementsCode { get; private set; }
    public string? SourceFile { get; private set; }
    public bool ToBeConfirmed { get; private set; }
    public uint Version { get; private set; }

    private PolicyDocument() { }

    public PolicyDocument(string code, DocumentDetails details)
    {
        Code = Slug.Require(code, "document");
        Apply(details);
    }

    public void Edit(DocumentDetails details)
    {
        Apply(details);
        MarkEdited();
    }

    /// <summary>An administrator checked the document (or its press-reported facts) against the legal text.</summary>
    public void Confirm()
    {
        ToBeConfirmed = false;
        MarkEdited();
    }

    /// <summary>Refreshes a shipped row from a newer data file; never touches a row a user changed.</summary>
    public bool RefreshFromCatalogue(DocumentDetails details)
    {
        if (EditedByUser) return false;
        Apply(details);
        return true;
    }

    private void Apply(DocumentDetails d)
    {
        if (d.Year is < 1945 or > 2100)
            throw new DomainException("document.year-out-of-range", $"Document year {d.Year} is out of range.");
        if (d.IssuedOn is { } date && date.Year != d.Year)
            throw new DomainException("document.date-year-mismatch", "The document's date is not in its year.");
        if (d.ImplementsCode == Code)
            throw new DomainException("document.implements-itself", "A document cannot implement itself.");
        var titleVi = AdministrativeUnit.RequireText(d.TitleVi, "document.title-missing", MaxTitleLength);
        var titleEn = AdministrativeUnit.RequireText(d.TitleEn, "document.title-missing", MaxTitleLength);
        var issuer = AdministrativeUnit.RequireText(d.Issuer, "document.issuer-missing", MaxIssuerLength);
        var number = TextLimits.Bounded(string.IsNullOrWhiteSpace(d.Number) ? null : d.Number.Trim(), MaxNumberLength);
        var sourceFile = TextLimits.Bounded(d.SourceFile, MaxSourceFileLength);
        var unitCode = Slug.Require(d.UnitCode, "unit");
        // Every rule is checked before anything changes: a refused edit leaves the document as it was.
        Number = number;
        Kind = d.Kind;
        TitleVi = titleVi;
        TitleEn = titleEn;
        Issuer = issuer;
        UnitCode = unitCode;
        IssuedOn = d.IssuedOn;
        Year = d.Year;
        ImplementsCode = d.ImplementsCode;
        SourceFile = sourceFile;
        ToBeConfirmed = d.ToBeConfirmed;
    }
}

public sealed record DocumentDetails(
    string? Number, DocumentKind Kind, string TitleVi, string TitleEn, string Issuer, string UnitCode,
    DateOnly? IssuedOn, int Year, string? ImplementsCode, string? SourceFile, bool ToBeConfirmed);
