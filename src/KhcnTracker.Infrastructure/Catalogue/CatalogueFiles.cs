using System.Reflection;
using System.Text.Json;

namespace KhcnTracker.Infrastructure.Catalogue;

// The rows of the shipped data files (Data/README.md documents every field).

public sealed record UnitRow(string Code, string NameVi, string NameEn, string Level, string? Successor, DateOnly? MergedOn, bool City, bool ToBeConfirmed);

public sealed record AgencyRow(string Unit, string Code, string NameVi, string NameEn, string? Successor, DateOnly? MergedOn, bool ToBeConfirmed);

public sealed record DocumentRow(
    string Code, string? Number, string Kind, string TitleVi, string TitleEn, string Issuer, string Unit,
    DateOnly? Date, int Year, string? Implements, string? SourceFile, bool ToBeConfirmed);

public sealed record IndicatorRow(
    string Code, string NameVi, string NameEn, string[] Areas, string Measure, string Direction, int Decimals,
    bool AllowsOver100, string? DefinitionVi, string? DefinitionEn, string? Formula, bool HalfYearly = false);

public sealed record GrowthRow(string Mode, int FromYear, int ToYear);

public sealed record TargetRow(
    string Document, string Unit, string Indicator, int Year, string Comparator, decimal? Value, decimal? ValueMax,
    GrowthRow? Growth, int? BaselineYear, decimal? BaselineValue, string? SourceFile, string? Quote, string? NoteVi, bool ToBeConfirmed);

public sealed record TaskRow(
    string Document, int Number, string NameVi, string LeadAgency, string[]? CoordinatingAgencies, string? CoordinatingText,
    string? ProductVi, int StartYear, int EndYear, string? TimeframeText, string? SourceFile, string? Quote);

/// <summary>The catalogue's data files, embedded in this assembly so that every host (app, tests, container) reads the same.</summary>
public sealed record CatalogueFiles(
    IReadOnlyList<UnitRow> Units, IReadOnlyList<AgencyRow> Agencies, IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<TargetRow> Targets, IReadOnlyList<TaskRow> Tasks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static CatalogueFiles ReadShipped() => new(
        Read<UnitRow>("units"), Read<AgencyRow>("agencies"), Read<DocumentRow>("documents"),
        Read<IndicatorRow>("indicators"), Read<TargetRow>("targets"), Read<TaskRow>("tasks"));

    private static List<T> Read<T>(string name)
    {
        var resource = $"Catalogue.{name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The catalogue file {name}.json is missing from the build.");
        try
        {
            return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The catalogue file {name}.json is not valid: {e.Message}", e);
        }
    }
}
