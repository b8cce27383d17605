using System.Text.Json;
using System.Text.Json.Serialization;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Progress;

namespace KhcnTracker.Web.Api;

/// <summary>
/// The edge where the model's enums become the API's words and back: the views carry <c>ValueStatus</c>,
/// <c>PlanTaskStatus</c>, <c>Comparator</c>, <c>ProgressStatus</c>…, the JSON says <c>submitted</c>, <c>in-progress</c>,
/// <c>ge</c>, <c>on_track</c>, read from <see cref="CatalogueWords"/>'s and <see cref="ProgressWords"/>' tables — the same
/// tables the data files use, so the two never disagree. Dictionary keys (statuses counted per area) are words too.
/// </summary>
public sealed class ApiWords : JsonConverterFactory
{
    private static readonly Dictionary<Type, JsonConverter> Converters = new JsonConverter[]
    {
        Of(CatalogueWords.Level), Of(CatalogueWords.Kind), Of(CatalogueWords.Measure), Of(CatalogueWords.Direction),
        Of(CatalogueWords.Comparator), Of(CatalogueWords.Growth), Of(CatalogueWords.TaskStatus), Of(CatalogueWords.ValueStatus),
        Of(CatalogueWords.ValueEvent), Of(ProgressWords.Status),
    }.ToDictionary(c => c.Type!);

    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Converters[typeToConvert];

    /// <summary>A query string's word as the enum, or null when absent or not one of the words (the filter is then not applied).</summary>
    public static T? Optional<T>(Words<T> words, string? word) where T : struct, Enum =>
        words.TryParse(word, out var value) ? value : null;

    private static JsonConverter Of<T>(Words<T> words) where T : struct, Enum => new WordConverter<T>(words);

    private sealed class WordConverter<T>(Words<T> words) : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            words.TryParse(reader.GetString(), out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not one of: {string.Join(", ", words.All.Keys)}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(words.Format(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(words.Format(value));
    }
}
