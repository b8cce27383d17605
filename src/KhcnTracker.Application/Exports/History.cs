using System.Text.Json;
using KhcnTracker.Application.Auditing;
using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Exports;

/// <summary>
/// Rebuilds rows as they stood at a moment from the audit trail alone: every change since the first is there, old → new,
/// append-only and chained, so what the portal held at <c>asOf</c> is the fold of the audit rows up to it. The same
/// moment always gives the same rows, whatever was changed later. Rows are read in the vocabulary's words, whichever
/// format they were stored in (decision 0010).
/// </summary>
internal static class History
{
    /// <summary>Each entity of a kind (by its word: value, target, task…) that existed at <paramref name="asOf"/>, by key.</summary>
    public static async Task<Dictionary<string, TState>> AsOfAsync<TState>(IAppDbContext db, string subject, DateTimeOffset asOf,
        CancellationToken ct) where TState : HistoricState, new()
    {
        var states = new Dictionary<string, TState>();
        var names = AuditRecord.StoredNames(subject);
        var rows = db.AuditLog.AsNoTracking()
            .Where(a => names.Contains(a.Entity) && a.At <= asOf)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.EntityKey, a.Action, a.Entity, a.Format, a.Changes })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (row.Action == "delete")
            {
                states.Remove(row.EntityKey);
                continue;
            }
            if (!states.TryGetValue(row.EntityKey, out var state)) states[row.EntityKey] = state = new TState();
            foreach (var change in AuditRecord.Read(row.Format, row.Entity, row.Changes).Changes)
                state.Apply(change.Field, change.New);
        }
        return states;
    }
}

/// <summary>A row rebuilt from its audit history: each change sets the fields it names (by their words).</summary>
internal abstract class HistoricState
{
    public abstract void Apply(string property, JsonElement value);

    protected static string? Text(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.ToString();
    protected static decimal? Decimal(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
    protected static int Int(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
    protected static bool Bool(JsonElement v) => v.ValueKind == JsonValueKind.True;
    protected static DateTimeOffset? Time(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetDateTimeOffset() : null;
    protected static int Member<T>(EnumWords<T> words, JsonElement v) where T : struct, Enum =>
        v.ValueKind == JsonValueKind.String ? Convert.ToInt32(words.Member(v.GetString()!)) : 0;
    protected static int? OptionalMember<T>(EnumWords<T> words, JsonElement v) where T : struct, Enum =>
        v.ValueKind == JsonValueKind.String ? Convert.ToInt32(words.Member(v.GetString()!)) : null;
}

internal sealed class ValueState : HistoricState
{
    public int Id, Revision, Status;
    public string? Unit, Indicator, Period, Source, Note, ReturnReason, EnteredBy, SubmittedBy, ReviewedBy;
    public decimal? Value;
    public DateTimeOffset? EnteredAt, SubmittedAt, ReviewedAt;

    public override void Apply(string property, JsonElement v)
    {
        switch (property)
        {
            case "id": Id = Int(v); break;
            case "unit": Unit = Text(v); break;
            case "indicator": Indicator = Text(v); break;
            case "period": Period = Text(v); break;
            case "revision": Revision = Int(v); break;
            case "value": Value = Decimal(v); break;
            case "source": Source = Text(v); break;
            case "note": Note = Text(v); break;
            case "status": Status = Member(AuditEnumWords.ValueStatus, v); break;
            case "return_reason": ReturnReason = Text(v); break;
            case "entered_by": EnteredBy = Text(v); break;
            case "entered_at": EnteredAt = Time(v); break;
            case "submitted_by": SubmittedBy = Text(v); break;
            case "submitted_at": SubmittedAt = Time(v); break;
            case "reviewed_by": ReviewedBy = Text(v); break;
            case "reviewed_at": ReviewedAt = Time(v); break;
        }
    }
}

internal sealed class TargetState : HistoricState
{
    public int Id, Year, Comparator;
    public int? GrowthMode, GrowthFromYear, GrowthToYear, BaselineYear;
    public string? Document, Unit, Indicator, NoteVi, SourceFile;
    public decimal? Value, ValueMax, BaselineValue;
    public bool ToBeConfirmed, IsRetired;

    public override void Apply(string property, JsonElement v)
    {
        switch (property)
        {
            case "id": Id = Int(v); break;
            case "document": Document = Text(v); break;
            case "unit": Unit = Text(v); break;
            case "indicator": Indicator = Text(v); break;
            case "year": Year = Int(v); break;
            case "comparator": Comparator = Member(AuditEnumWords.Comparator, v); break;
            case "value": Value = Decimal(v); break;
            case "value_max": ValueMax = Decimal(v); break;
            case "growth_mode": GrowthMode = OptionalMember(AuditEnumWords.GrowthMode, v); break;
            case "growth_from_year": GrowthFromYear = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "growth_to_year": GrowthToYear = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "baseline_year": BaselineYear = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "baseline_value": BaselineValue = Decimal(v); break;
            case "note_vi": NoteVi = Text(v); break;
            case "source_file": SourceFile = Text(v); break;
            case "to_be_confirmed": ToBeConfirmed = Bool(v); break;
            case "is_retired": IsRetired = Bool(v); break;
        }
    }
}

internal sealed class TaskState : HistoricState
{
    public int Id, Number, StartYear, EndYear, Status;
    public string? Document, NameVi, Unit, LeadAgency, ProductVi, ProgressNote;
    public bool IsRetired;

    /// <summary>Overdue as the task stood then: the same rule as a task of today.</summary>
    public bool IsOverdue(int currentYear) => Domain.Catalogue.TaskDeadline.IsOverdue(IsRetired, (Domain.Catalogue.PlanTaskStatus)Status, EndYear, currentYear);

    public override void Apply(string property, JsonElement v)
    {
        switch (property)
        {
            case "id": Id = Int(v); break;
            case "document": Document = Text(v); break;
            case "number": Number = Int(v); break;
            case "name_vi": NameVi = Text(v); break;
            case "unit": Unit = Text(v); break;
            case "lead_agency": LeadAgency = Text(v); break;
            case "product_vi": ProductVi = Text(v); break;
            case "start_year": StartYear = Int(v); break;
            case "end_year": EndYear = Int(v); break;
            case "status": Status = Member(AuditEnumWords.PlanTaskStatus, v); break;
            case "progress_note": ProgressNote = Text(v); break;
            case "is_retired": IsRetired = Bool(v); break;
        }
    }
}

internal sealed class NarrativeState : HistoricState
{
    public string? Assessment, Difficulties, Proposals;

    public override void Apply(string property, JsonElement v)
    {
        switch (property)
        {
            case "assessment": Assessment = Text(v); break;
            case "difficulties": Difficulties = Text(v); break;
            case "proposals": Proposals = Text(v); break;
        }
    }
}
