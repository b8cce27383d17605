using System.Globalization;
using KhcnTracker.Application.Catalogue;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>Writes a target the way a reader says it: "≥ 20 %", "80–85 %", "trong nhóm 15 dẫn đầu", "+30 % so với 2021–2025".</summary>
public static class TargetText
{
    public static string Number(decimal? value) =>
        value?.ToString("#,##0.####", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A moment in Vietnam's time (UTC+7), as the portal's people read it.</summary>
    public static string DateTime(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) =>
        date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    public static string Suffix(string measure, IStringLocalizer L) => measure switch
    {
        "percent" => " %",
        "per-10000" => " " + L["Measure.per-10000"],
        "money" => " " + L["Measure.money"],
        _ => "",
    };

    public static string Describe(TargetView t, IStringLocalizer L) =>
        Describe(t.Comparator, t.Value, t.ValueMax, t.Growth, t.Indicator.Unit, L);

    public static string Describe(string comparator, decimal? value, decimal? valueMax, GrowthView? growthView, string measure, IStringLocalizer L)
    {
        var unit = Suffix(measure, L);
        if (growthView is { } growth)
        {
            var basePeriod = growth.FromYear == growth.ToYear ? $"{growth.FromYear}" : $"{growth.FromYear}–{growth.ToYear}";
            return growth.Mode == "multiple"
                ? string.Format(CultureInfo.CurrentCulture, L["Target.GrowthMultiple"], Number(value), basePeriod)
                : string.Format(CultureInfo.CurrentCulture, L["Target.GrowthPercent"], Number(value), basePeriod);
        }
        return comparator switch
        {
            "ge" => $"≥ {Number(value)}{unit}",
            "gt" => $"> {Number(value)}{unit}",
            "le" => $"≤ {Number(value)}{unit}",
            "lt" => $"< {Number(value)}{unit}",
            "eq" => $"= {Number(value)}{unit}",
            "between" => $"{Number(value)}–{Number(valueMax)}{unit}",
            "top" => string.Format(CultureInfo.CurrentCulture, L["Target.Top"], Number(value)),
            "milestone" => L["Target.Milestone"],
            _ => comparator,
        };
    }

    public static string IndicatorName(TargetIndicatorRef i) => IsEnglish ? i.NameEn : i.NameVi;

    public static string UnitName(UnitRef u) => IsEnglish ? u.NameEn : u.NameVi;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
