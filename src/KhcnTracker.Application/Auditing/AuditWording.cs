using System.Globalization;
using System.Text.Json;

namespace KhcnTracker.Application.Auditing;

/// <summary>The labels of the audit vocabulary's words (resources in the web layer; Vietnamese for exports).</summary>
public interface IAuditLabels
{
    /// <summary>The label of a resource key, or null when there is none.</summary>
    string? Find(string key);
}

/// <summary>
/// An audit row as people read it: the subject, action and fields by their labels, enum words by theirs, numbers with a
/// decimal comma, times in Vietnam time with the zone shown, old → new. Built from the stable words only, so what a
/// row says never depends on today's C# names.
/// </summary>
public sealed class AuditWording(IAuditLabels labels)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public const string Empty = "∅";

    /// <summary>Vietnam time with its zone: 02/12/2026 07:59:39 (UTC+7).</summary>
    public static string Time(DateTimeOffset at) => VietnamTime.Of(at).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC+7)";

    public string Subject(string word) => labels.Find($"Audit.Subject.{word}") ?? word;

    public string Action(string word) => labels.Find($"Audit.Action.{word}") ?? word;

    public string Field(string word) => labels.Find($"Audit.Field.{word}") ?? word;

    /// <summary>
    /// A stored value of <paramref name="field"/> as a reader sees it (numbers with a decimal comma and no grouping, so
    /// that years and ids read as they are); <paramref name="limit"/> shortens long texts.
    /// </summary>
    public string Value(string subject, string field, JsonElement value, int? limit = null)
    {
        var enumWords = AuditEnumWords.OfField(subject, field);
        var text = value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => Empty,
            JsonValueKind.True => labels.Find("Audit.Yes") ?? "yes",
            JsonValueKind.False => labels.Find("Audit.No") ?? "no",
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString("0.############", Vietnamese) : value.GetRawText(),
            JsonValueKind.Array => value.GetArrayLength() == 0 ? Empty
                : string.Join(", ", value.EnumerateArray().Select(item => Value(subject, field, item))),
            JsonValueKind.String when enumWords is not null => labels.Find($"Audit.Word.{enumWords.Name}.{value.GetString()}") ?? value.GetString()!,
            JsonValueKind.String => Text(value.GetString()!),
            _ => value.GetRawText(),
        };
        return limit is { } max && text.Length > max ? text[..max] + "…" : text;
    }

    /// <summary>One change: "Trạng thái: Chờ thẩm định → Đã phê duyệt" (a creation shows only the new value).</summary>
    public string Change(string subject, string action, AuditChange change, int? limit = null) =>
        $"{Field(change.Field)}: " + (action == "create"
            ? Value(subject, change.Field, change.New, limit)
            : $"{Value(subject, change.Field, change.Old, limit)} → {Value(subject, change.Field, change.New, limit)}");

    /// <summary>Times (ISO 8601 with an offset) in Vietnam time, dates as dd/MM/yyyy; other text as it is.</summary>
    private static string Text(string text)
    {
        if (text.Length >= 20 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return Time(at);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return text;
    }
}
