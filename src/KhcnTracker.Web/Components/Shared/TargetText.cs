using System.Globalization;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>Writes a target the way a reader says it (<see cref="TargetPhrase"/>, in the reader's words from the resources), and figures and dates.</summary>
public static class TargetText
{
    public static string Number(decimal? value) => TargetPhrase.Number(value, CultureInfo.CurrentCulture);

    /// <summary>A moment in Vietnam's time with its zone (<see cref="TimeText.Moment"/>).</summary>
    public static string DateTime(DateTimeOffset at) => TimeText.Moment(at);

    public static string Date(DateOnly? date) => date is { } d ? TimeText.Date(d) : "";

    public static string Suffix(Measure measure, IStringLocalizer L) => TargetPhrase.Suffix(measure, Words(L));

    public static string Describe(TargetView t, IStringLocalizer L) =>
        Describe(t.Comparator, t.Value, t.ValueMax, t.Growth, t.Indicator.Unit, L);

    public static string Describe(Comparator comparator, decimal? value, decimal? valueMax, GrowthView? growth, Measure measure, IStringLocalizer L) =>
        TargetPhrase.Of(comparator, value, valueMax, growth, measure, Words(L));

    /// <summary>The phrase's words in the reader's language, from the resources.</summary>
    private static TargetPhraseWords Words(IStringLocalizer L) => new(CultureInfo.CurrentCulture,
        L["Measure.per-10000"], L["Measure.money"], L["Target.GrowthMultiple"], L["Target.GrowthPercent"], L["Target.Top"],
        L["Target.Milestone"], BaseYear: "{0}", BaseRange: "{0}–{1}");

    public static string IndicatorName(TargetIndicatorRef i) => IsEnglish ? i.NameEn : i.NameVi;

    public static string UnitName(UnitRef u) => IsEnglish ? u.NameEn : u.NameVi;

    /// <summary>A catalogue name in the reader's language: the English one when English is chosen and it exists.</summary>
    public static string Name(string nameVi, string? nameEn) => IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : nameVi;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
