using System.Text.Json;
using KhcnTracker.Domain.Auditing;

namespace KhcnTracker.Application.Auditing;

/// <summary>One field of an audit row in stable words: the field's word, the old and the new value (enum members as words).</summary>
public sealed record AuditChange(string Field, JsonElement Old, JsonElement New);

/// <summary>
/// An audit row's subject and changes in the vocabulary's words, whatever format it was written in (decision 0010):
/// format 2 rows are stored so; format 1 rows are read through the frozen <see cref="AuditFormatV1"/> table.
/// </summary>
public sealed record AuditRecord(string Subject, IReadOnlyList<AuditChange> Changes)
{
    public static AuditRecord Of(AuditEntry entry) => Read(entry.Format, entry.Entity, entry.Changes);

    public static AuditRecord Read(int format, string entity, string changes)
    {
        using var document = JsonDocument.Parse(changes);
        if (format != 1)
            return new(entity, document.RootElement.EnumerateObject()
                .Select(p => new AuditChange(p.Name, p.Value[0].Clone(), p.Value[1].Clone())).ToList());
        var v1 = AuditFormatV1.Entities.GetValueOrDefault(entity);
        return new(v1?.Subject ?? entity, document.RootElement.EnumerateObject().Select(p =>
        {
            // A property the frozen table does not know (none today) keeps its name.
            var (field, words) = v1?.Fields.TryGetValue(p.Name, out var known) == true ? known : (p.Name, null);
            return new AuditChange(field, V1Value(p.Value[0], words), V1Value(p.Value[1], words));
        }).ToList());
    }

    private static JsonElement V1Value(JsonElement value, AuditFormatV1.V1Enum? words) =>
        words is not null && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? JsonSerializer.SerializeToElement(words.Read(number))
            : value.Clone();

    /// <summary>The entity names a subject's rows are stored under: its word (format 2) and its format-1 name.</summary>
    public static IReadOnlyList<string> StoredNames(string subject) =>
        AuditFormatV1.NameOf.TryGetValue(subject, out var v1) ? [subject, v1] : [subject];

    /// <summary>A subject as the filters accept it: its word, or its format-1 name (the API took those before).</summary>
    public static string SubjectOf(string name) => AuditFormatV1.Entities.TryGetValue(name, out var v1) ? v1.Subject : name;

    public AuditChange? Find(string field) => Changes.FirstOrDefault(c => c.Field == field);
}
