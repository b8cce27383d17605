namespace KhcnTracker.Domain.Catalogue;

public enum PlanTaskStatus { NotStarted, InProgress, Done }

/// <summary>A numbered task (nhiệm vụ) of a document, assigned to a lead agency with a timeframe.</summary>
public sealed class PlanTask : CatalogueRecord
{
    public const int MaxNameLength = 2000;
    public const int MaxCoordinatingTextLength = 1000;
    public const int MaxProductLength = 2000;
    public const int MaxTimeframeTextLength = 200;
    /// <summary>The note of the approved progress report it shows (<see cref="Reporting.TaskProgressReport.MaxTextLength"/>).</summary>
    public const int MaxProgressNoteLength = Reporting.TaskProgressReport.MaxTextLength;
    public const int MaxSearchTextLength = MaxNameLength + MaxProductLength + 1;

    public int Id { get; private set; }
    public string DocumentCode { get; private set; } = null!;
    public int Number { get; private set; }
    public string NameVi { get; private set; } = null!;
    public string UnitCode { get; private set; } = null!;
    public string LeadAgencyCode { get; private set; } = null!;
    public List<string> CoordinatingAgencyCodes { get; private set; } = [];
    public string? CoordinatingText { get; private set; }
    public string? ProductVi { get; private set; }
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    public string? TimeframeText { get; private set; }
    public PlanTaskStatus Status { get; private set; }
    /// <summary>Percent done of the latest approved progress report; null until a report is approved.</summary>
    public int? PercentDone { get; private set; }
    public string? ProgressNote { get; private set; }
    public string? SourceFile { get; private set; }
    public string? SourceQuote { get; private set; }
    public string SearchText { get; private set; } = null!;
    public uint Version { get; private set; }

    private PlanTask() { }

    public PlanTask(PolicyDocument document, int number, TaskDetails details)
    {
        if (number < 1)
            throw new DomainException("task.number-invalid", "A task number is 1 or more.");
        DocumentCode = document.Code;
        UnitCode = document.UnitCode;
        Number = number;
        Apply(document, details);
    }

    /// <summary>Overdue: in force, not done, and its end year is over (<see cref="TaskDeadline"/>, the one rule).</summary>
    public bool IsOverdue(int currentYear) => TaskDeadline.IsOverdue(IsRetired, Status, EndYear, currentYear);

    public void Edit(PolicyDocument document, TaskDetails details)
    {
        Apply(document, details);
        MarkEdited();
    }

    public bool RefreshFromCatalogue(PolicyDocument document, TaskDetails details)
    {
        if (EditedByUser) return false;
        Apply(document, details);
        return true;
    }

    /// <summary>
    /// The task's public progress, set only by the approval of a progress report (<see cref="Reporting.TaskProgressReport.Approve"/>).
    /// Progress is reported data, not a catalogue edit: a later catalogue load still refreshes the task's text.
    /// </summary>
    internal void RecordProgress(PlanTaskStatus status, int percent, string? note)
    {
        Status = status;
        PercentDone = percent;
        ProgressNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private void Apply(PolicyDocument document, TaskDetails d)
    {
        if (d.StartYear > d.EndYear)
            throw new DomainException("task.timeframe-invalid", "A task cannot end before it starts.");
        if (d.EndYear < document.Year)
            throw new DomainException("task.ends-before-document", "A task cannot end before its document was issued.");
        var nameVi = AdministrativeUnit.RequireText(d.NameVi, "task.name-missing", MaxNameLength);
        var coordinatingText = TextLimits.Bounded(d.CoordinatingText, MaxCoordinatingTextLength);
        var product = TextLimits.Bounded(d.ProductVi, MaxProductLength);
        var timeframe = TextLimits.Bounded(d.TimeframeText, MaxTimeframeTextLength);
        var sourceFile = TextLimits.Bounded(d.SourceFile, MaxSourceFileLength);
        var quote = TextLimits.Bounded(d.SourceQuote, Target.MaxQuoteLength);
        var lead = Slug.Require(d.LeadAgencyCode, "lead agency");
        var coordinating = d.CoordinatingAgencyCodes.Select(c => Slug.Require(c, "coordinating agency")).Distinct().ToList();
        // Every rule is checked before anything changes: a refused edit leaves the task as it was.
        NameVi = nameVi;
        LeadAgencyCode = lead;
        CoordinatingAgencyCodes = coordinating;
        CoordinatingText = coordinatingText;
        ProductVi = product;
        StartYear = d.StartYear;
        EndYear = d.EndYear;
        TimeframeText = timeframe;
        SourceFile = sourceFile;
        SourceQuote = quote;
        SearchText = Common.SearchText.Fold(NameVi, ProductVi);
    }
}

public sealed record TaskDetails(
    string NameVi, string LeadAgencyCode, IReadOnlyList<string> CoordinatingAgencyCodes, string? CoordinatingText,
    string? ProductVi, int StartYear, int EndYear, string? TimeframeText, string? SourceFile, string? SourceQuote);
