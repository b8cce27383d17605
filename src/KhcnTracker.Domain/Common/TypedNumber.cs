using System.Globalization;
using System.Text.RegularExpressions;

namespace KhcnTracker.Domain.Common;

/// <summary>Why a typed number was not taken.</summary>
public enum TypedNumberProblem { NotANumber, AmbiguousDot, AmbiguousComma }

/// <summary>
/// A number as a person types it in a Vietnamese form, read exactly or refused — never silently multiplied. In vi-VN the
/// comma is the decimal separator and the dot groups thousands, but people paste 12.5 from English sources too, so:
/// <c>12,5</c> and <c>12.5</c> are 12.5 (a dot followed by other than three digits cannot group thousands);
/// <c>1.234,5</c> and <c>1,234.5</c> are 1234.5 (both separators: the last one is the decimal one); <c>1.234.567</c> is
/// 1234567; spaces group thousands too. <c>1.234</c> alone could mean 1234 or 1.234: for an indicator with fewer than
/// three decimals it can only be 1234 (10.000 triệu đồng); with three or more it is refused as ambiguous. Likewise
/// <c>12,500</c> is 12.5 in Vietnamese but 12500 pasted from English: where the indicator takes fewer than three
/// decimals it is refused as ambiguous rather than guessed. Spaces group thousands only in groups of three.
/// </summary>
public static partial class TypedNumber
{
    public static (decimal? Value, TypedNumberProblem? Problem) Parse(string? text, int decimals)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return (null, null);
        if (Spaces().IsMatch(t))
        {
            // "1 234,5" groups thousands; "2 5" is a slip, not 25.
            var integerPart = SpaceSeparated().Replace(t, " ").Split('.', ',')[0].TrimStart('-', '−');
            if (!IsGrouped(integerPart, ' ') || t.IndexOfAny(['.', ',']) is var at && at >= 0 && Spaces().IsMatch(t[at..]))
                return (null, TypedNumberProblem.NotANumber);
            t = Spaces().Replace(t, "");
        }
        var negative = t.StartsWith('-') || t.StartsWith('−');
        if (negative) t = t[1..];
        if (!Shape().IsMatch(t)) return (null, TypedNumberProblem.NotANumber);

        var (lastDot, lastComma) = (t.LastIndexOf('.'), t.LastIndexOf(','));
        string integer, fraction;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalAt = Math.Max(lastDot, lastComma);
            var group = t[decimalAt] == ',' ? '.' : ',';
            (integer, fraction) = (t[..decimalAt], t[(decimalAt + 1)..]);
            if (integer.Contains(t[decimalAt]) || !IsGrouped(integer, group)) return (null, TypedNumberProblem.NotANumber);
            integer = integer.Replace(group.ToString(), "");
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var parts = t.Split(separator);
            if (parts.Length > 2)
            {
                // 1.234.567 or 1,234,567: thousands, if every group has three digits.
                if (!IsGrouped(t, separator)) return (null, TypedNumberProblem.NotANumber);
                (integer, fraction) = (t.Replace(separator.ToString(), ""), "");
            }
            else if (separator == '.' && parts[1].Length == 3 && parts[0].Length is > 0 and <= 3 && parts[0] != "0")
            {
                if (decimals >= 3) return (null, TypedNumberProblem.AmbiguousDot);
                (integer, fraction) = (parts[0] + parts[1], "");
            }
            else if (separator == ',' && parts[1].Length == 3 && parts[0].Length is > 0 and <= 3 && parts[0] != "0" && decimals < 3)
                return (null, TypedNumberProblem.AmbiguousComma);
            else
                (integer, fraction) = (parts[0], parts[1]);
        }
        else
            (integer, fraction) = (t, "");

        if (integer.Length == 0 && fraction.Length == 0) return (null, TypedNumberProblem.NotANumber);
        var invariant = (integer.Length == 0 ? "0" : integer) + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return (null, TypedNumberProblem.NotANumber);
        return (negative ? -value : value, null);
    }

    private static bool IsGrouped(string integer, char separator)
    {
        var groups = integer.Split(separator);
        return groups[0].Length is > 0 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    [GeneratedRegex(@"^[0-9.,]+$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(?<=\d)[\s\u00A0\u202F]+(?=\d)")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s\u00A0\u202F]+")]
    private static partial Regex SpaceSeparated();
}
