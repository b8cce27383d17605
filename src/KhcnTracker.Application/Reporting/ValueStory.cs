using System.Text.Json;
using KhcnTracker.Application.Auditing;
using KhcnTracker.Domain.Auditing;

namespace KhcnTracker.Application.Reporting;

/// <summary>
/// One event of a value's story: <see cref="Kind"/> (the API writes entered, changed, evidence_added, evidence_removed,
/// submitted, returned, approved or revised — <see cref="Catalogue.CatalogueWords.ValueEvent"/>). <see cref="At"/> is Vietnam time (its offset, +07:00, says
/// so). A change carries the figure before and after; a return its reason; evidence its file name; an entry or change
/// that set or cleared the follow-up mark says which (<see cref="FollowUp"/>, null when the mark did not change).
/// </summary>
public sealed record ValueEvent(
    ValueEventKind Kind, DateTimeOffset At, string Actor, int ValueId, int Revision, decimal? OldValue, decimal? NewValue,
    string? Reason, string? FileName, IReadOnlyList<string> Fields, long Sequence, bool? FollowUp = null);

public enum ValueEventKind { Entered, Changed, EvidenceAdded, EvidenceRemoved, Submitted, Returned, Approved, Revised }

/// <summary>
/// A value's whole story, every revision of it, built from the audit trail alone (whatever format its rows were
/// written in): what was typed, changed, attached, submitted, returned and approved, by whom and when. Who may read the
/// value may read its story; another province's value answers as a missing one.
/// </summary>
public sealed class ValueStory(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    private static readonly string[] ContentFields = ["value", "source", "note", "follow_up", "reached_on"];

    public async Task<IReadOnlyList<ValueEvent>> HandleAsync(int id, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        var value = user.Readable(await db.Values.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct), v => v.UnitCode, "not-found.value", id);
        var revisions = await db.Values.AsNoTracking()
            .Where(v => v.UnitCode == value.UnitCode && v.IndicatorCode == value.IndicatorCode && v.PeriodCode == value.PeriodCode)
            .Select(v => new { v.Id, v.Revision }).ToDictionaryAsync(v => v.Id, v => v.Revision, ct);
        var keys = revisions.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var names = AuditRecord.StoredNames("value");
        var valueRows = await db.AuditLog.AsNoTracking().Where(a => names.Contains(a.Entity) && keys.Contains(a.EntityKey)).ToListAsync(ct);
        var evidenceRows = await db.EvidenceTrailOf(revisions.Keys).AsNoTracking().ToListAsync(ct);
        var told = new Told();
        return valueRows.Concat(evidenceRows).OrderBy(a => a.Sequence)
            .SelectMany(a => Events(a, revisions, told))
            .ToList();
    }

    /// <summary>What the rows read so far said: each revision's figure and last return reason (a second return with the same words does not repeat them).</summary>
    internal sealed class Told
    {
        public Dictionary<int, string?> Reasons { get; } = [];
        public Dictionary<int, decimal?> Figures { get; } = [];
    }

    /// <summary>
    /// The events one audit row tells (a save that also submits tells both, the change first). A revision's first event
    /// shows the figure it starts from: the one the revision before it ended with.
    /// </summary>
    internal static IEnumerable<ValueEvent> Events(AuditEntry row, IReadOnlyDictionary<int, int> revisions, Told told)
    {
        var record = AuditRecord.Of(row);
        var at = VietnamTime.Of(row.At);
        ValueEvent Event(ValueEventKind kind, int valueId, decimal? old = null, decimal? @new = null, string? reason = null, string? file = null,
            IReadOnlyList<string>? fields = null, bool? followUp = null) =>
            new(kind, at, row.Actor, valueId, revisions.GetValueOrDefault(valueId), old, @new, reason, file, fields ?? [], row.Sequence, followUp);

        if (record.Subject == "evidence")
        {
            var valueId = Int(record.Find("value_id") is { } v ? (row.Action == "delete" ? v.Old : v.New) : default);
            var file = Text(record.Find("file_name") is { } f ? (row.Action == "delete" ? f.Old : f.New) : default);
            if (row.Action == "create") yield return Event(ValueEventKind.EvidenceAdded, valueId, file: file);
            else if (row.Action == "delete") yield return Event(ValueEventKind.EvidenceRemoved, valueId, file: file);
            yield break;
        }

        var id = int.Parse(row.EntityKey, System.Globalization.CultureInfo.InvariantCulture);
        var figure = record.Find("value");
        bool? followUp = record.Find("follow_up") is { } mark && mark.New.ValueKind is JsonValueKind.True or JsonValueKind.False ? mark.New.GetBoolean() : null;
        // The stored word becomes the domain's status here, once; the story compares types, not words.
        ValueStatus? status = record.Find("status") is { } s && Text(s.New) is { } word ? AuditEnumWords.ValueStatus.Member(word) : null;
        if (record.Find("return_reason") is { } r) told.Reasons[id] = Text(r.New);
        var before = told.Figures.GetValueOrDefault(id);
        if (figure is not null) told.Figures[id] = Decimal(figure.New);
        if (row.Action == "create")
        {
            var revision = Int(record.Find("revision")?.New ?? default);
            var previous = revisions.Where(r => r.Value == revision - 1).Select(r => (int?)r.Key).FirstOrDefault();
            yield return revision > 1
                ? Event(ValueEventKind.Revised, id, previous is { } p ? told.Figures.GetValueOrDefault(p) : null, Decimal(figure?.New), followUp: followUp == true ? true : null)
                : Event(ValueEventKind.Entered, id, @new: Decimal(figure?.New), followUp: followUp == true ? true : null);
            // A value written in one step (a back-fill) tells its submission and approval too.
            if (status is ValueStatus.Submitted or ValueStatus.Approved) yield return Event(ValueEventKind.Submitted, id);
            if (status == ValueStatus.Approved) yield return Event(ValueEventKind.Approved, id);
            yield break;
        }
        if (row.Action != "update") yield break;
        var changed = record.Changes.Where(c => ContentFields.Contains(c.Field)).Select(c => c.Field).ToList();
        if (changed.Count > 0)
            yield return Event(ValueEventKind.Changed, id, figure is null ? before : Decimal(figure.Old), figure is null ? before : Decimal(figure.New), fields: changed,
                followUp: followUp);
        switch (status)
        {
            case ValueStatus.Submitted: yield return Event(ValueEventKind.Submitted, id); break;
            case ValueStatus.Approved: yield return Event(ValueEventKind.Approved, id); break;
            case ValueStatus.Returned: yield return Event(ValueEventKind.Returned, id, reason: told.Reasons.GetValueOrDefault(id)); break;
        }
    }

    private static decimal? Decimal(JsonElement? v) =>
        v is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var d) ? d / 1.000000000000000000000000000000000m : null;

    private static int Int(JsonElement v) => v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static string? Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
