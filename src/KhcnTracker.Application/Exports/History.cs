using System.Text.Json;
using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Exports;

/// <summary>
/// Rebuilds rows as they stood at a moment from the audit trail alone: every change since the first is there, old → new,
/// append-only and chained, so what the portal held at <c>asOf</c> is the fold of the audit rows up to it. The same
/// moment always gives the same rows, whatever was changed later.
/// </summary>
internal static class History
{
    /// <summary>Each entity of a kind (ReportedValue, Target, PlanTask…) that existed at <paramref name="asOf"/>, by key.</summary>
    public static async Task<Dictionary<string, TState>> AsOfAsync<TState>(IAppDbContext db, string entity, DateTimeOffset asOf,
        CancellationToken ct) where TState : HistoricState, new()
    {
        var states = new Dictionary<string, TState>();
        var rows = db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == entity && a.At <= asOf)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.EntityKey, a.Action, a.Changes })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (row.Action == "delete")
            {
                states.Remove(row.EntityKey);
                continue;
            }
            if (!states.TryGetValue(row.EntityKey, out var state)) states[row.EntityKey] = state = new TState();
            using var changes = JsonDocument.Parse(row.Changes);
            foreach (var change in changes.RootElement.EnumerateObject())
                state.Apply(change.Name, change.Value[1]);
        }
        return states;
    }
}

/// <summary>A row rebuilt from its audit history: each change sets the properties it names.</summary>
internal abstract class HistoricState
{
    public abstract void Apply(string property, JsonElement value);

    protected static string? Text(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.ToString();
    protected static decimal? Decimal(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
    protected static int Int(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
    protected static bool Bool(JsonElement v) => v.ValueKind == JsonValueKind.True;
    protected static DateTimeOffset? Time(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetDateTimeOffset() : null;
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
            case "Id": Id = Int(v); break;
            case "UnitCode": Unit = Text(v); break;
            case "IndicatorCode": Indicator = Text(v); break;
            case "PeriodCode": Period = Text(v); break;
            case "Revision": Revision = Int(v); break;
            case "Value": Value = Decimal(v); break;
            case "Source": Source = Text(v); break;
            case "Note": Note = Text(v); break;
            case "Status": Status = Int(v); break;
            case "ReturnReason": ReturnReason = Text(v); break;
            case "EnteredBy": EnteredBy = Text(v); break;
            case "EnteredAt": EnteredAt = Time(v); break;
            case "SubmittedBy": SubmittedBy = Text(v); break;
            case "SubmittedAt": SubmittedAt = Time(v); break;
            case "ReviewedBy": ReviewedBy = Text(v); break;
            case "ReviewedAt": ReviewedAt = Time(v); break;
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
            case "Id": Id = Int(v); break;
            case "DocumentCode": Document = Text(v); break;
            case "UnitCode": Unit = Text(v); break;
            case "IndicatorCode": Indicator = Text(v); break;
            case "Year": Year = Int(v); break;
            case "Comparator": Comparator = Int(v); break;
            case "Value": Value = Decimal(v); break;
            case "ValueMax": ValueMax = Decimal(v); break;
            case "GrowthMode": GrowthMode = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "GrowthFromYear": GrowthFromYear = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "GrowthToYear": GrowthToYear = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "BaselineYear": BaselineYear = v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null; break;
            case "BaselineValue": BaselineValue = Decimal(v); break;
            case "NoteVi": NoteVi = Text(v); break;
            case "SourceFile": SourceFile = Text(v); break;
            case "ToBeConfirmed": ToBeConfirmed = Bool(v); break;
            case "IsRetired": IsRetired = Bool(v); break;
        }
    }
}

internal sealed class TaskState : HistoricState
{
    public int Id, Number, StartYear, EndYear, Status;
    public string? Document, NameVi, Unit, LeadAgency, ProductVi, ProgressNote;
    public bool IsRetired;

    public override void Apply(string property, JsonElement v)
    {
        switch (property)
        {
            case "Id": Id = Int(v); break;
            case "DocumentCode": Document = Text(v); break;
            case "Number": Number = Int(v); break;
            case "NameVi": NameVi = Text(v); break;
            case "UnitCode": Unit = Text(v); break;
            case "LeadAgencyCode": LeadAgency = Text(v); break;
            case "ProductVi": ProductVi = Text(v); break;
            case "StartYear": StartYear = Int(v); break;
            case "EndYear": EndYear = Int(v); break;
            case "Status": Status = Int(v); break;
            case "ProgressNote": ProgressNote = Text(v); break;
            case "IsRetired": IsRetired = Bool(v); break;
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
            case "Assessment": Assessment = Text(v); break;
            case "Difficulties": Difficulties = Text(v); break;
            case "Proposals": Proposals = Text(v); break;
        }
    }
}
