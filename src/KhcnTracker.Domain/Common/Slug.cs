using System.Text.RegularExpressions;

namespace KhcnTracker.Domain.Common;

/// <summary>Stable lowercase ASCII codes used by the API and the data files (e.g. <c>laocai</c>, <c>digital-economy-grdp-share</c>).</summary>
public static partial class Slug
{
    public const int MaxLength = 64;

    public static bool IsValid(string? code) =>
        code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    public static string Require(string? code, string what) =>
        IsValid(code) ? code! : throw new DomainException("slug.invalid", $"{what}: '{code}' is not a lowercase ASCII code.", code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
