using System.Text.Json;

namespace KhcnTracker.Web.Components.Pages.Auditing;

/// <summary>An audit row's changes as a reader sees them: property, old value, new value.</summary>
public static class AuditText
{
    public static IEnumerable<(string Name, string Old, string New)> Changes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, Show(p.Value[0]), Show(p.Value[1])))
            .ToList();
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "∅",
        JsonValueKind.String => value.GetString() is { Length: > 120 } text ? text[..120] + "…" : value.GetString()!,
        _ => value.GetRawText(),
    };
}
