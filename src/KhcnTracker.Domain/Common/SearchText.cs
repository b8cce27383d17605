using System.Globalization;
using System.Text;

namespace KhcnTracker.Domain.Common;

/// <summary>
/// Folds text for search that ignores case and Vietnamese diacritics, so "kinh te so" finds "Kinh tế số".
/// Entities store the folded form of their searchable text; queries fold the user's input the same way.
/// </summary>
public static class SearchText
{
    public static string Fold(params string?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part)) continue;
            if (builder.Length > 0) builder.Append(' ');
            foreach (var c in part.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
                // Đ/đ is a letter of its own, not D with a mark: FormD does not decompose it.
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// What a search box asks for: the folded words as one phrase ("kinh te so" finds "Kinh tế số" but not a row that
    /// merely holds "kinh", "tế" and "số" apart), or null when it asks for nothing.
    /// </summary>
    public static string? Phrase(string? query)
    {
        var words = Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }
}
