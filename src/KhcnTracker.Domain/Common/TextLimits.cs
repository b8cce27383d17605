namespace KhcnTracker.Domain.Common;

/// <summary>
/// The guard behind every text limit. Each limit is a constant on its domain type (<c>Indicator.MaxNameLength</c>, …),
/// read by this guard, by the command's validator and by the EF mapping, so the three cannot drift apart.
/// </summary>
public static class TextLimits
{
    /// <summary>The rule code of a text longer than its limit; the argument is the limit.</summary>
    public const string TooLong = "text.too-long";

    /// <summary>The text as given, or a refusal when it is longer than <paramref name="maxLength"/>.</summary>
    public static string? Bounded(string? text, int maxLength) =>
        text is { Length: var length } && length > maxLength
            ? throw new DomainException(TooLong, $"A text holds at most {maxLength} characters.", maxLength)
            : text;

    /// <summary>A required text, trimmed: refused with <paramref name="rule"/> when empty, with <see cref="TooLong"/> when too long.</summary>
    public static string Required(string? text, string rule, int maxLength) =>
        Bounded(string.IsNullOrWhiteSpace(text) ? throw new DomainException(rule, "A required text is empty.") : text.Trim(), maxLength)!;
}
