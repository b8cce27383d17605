using System.Globalization;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>
/// Every moment the portal shows: in Vietnam's time, with its zone, written the way the reader's language writes it
/// (vi-VN, or en-GB for English — day before month in both): "14:05 02/12/2026 (UTC+7)".
/// </summary>
public static class TimeText
{
    public const string Zone = "(UTC+7)";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture dates are written in: vi-VN, or en-GB when the reader chose English.</summary>
    public static CultureInfo Culture => TargetText.IsEnglish ? British : Vietnamese;

    /// <summary>A moment to the minute, in Vietnam's time with its zone.</summary>
    public static string Moment(DateTimeOffset at) => Format(at, "HH:mm");

    /// <summary>A moment to the second (the audit trail, the story of a value), in Vietnam's time with its zone.</summary>
    public static string Precise(DateTimeOffset at) => Format(at, "HH:mm:ss");

    /// <summary>A calendar date (a due date): no time, so no zone.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    private static string Format(DateTimeOffset at, string time) =>
        VietnamTime.Of(at).ToString(time + " dd/MM/yyyy", Culture) + " " + Zone;
}
