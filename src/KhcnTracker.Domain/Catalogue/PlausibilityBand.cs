using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Catalogue;

/// <summary>What a new figure of an indicator is checked against before it is saved.</summary>
public enum PlausibilityWarning { BelowExpectedMin, AboveExpectedMax, JumpFromLast }

/// <summary>
/// The figures an indicator is expected to take: a minimum, a maximum and the largest change from the last approved
/// figure (in percent, <see cref="DefaultJumpPercent"/> when none is set). A figure outside the band is a warning shown
/// to the person typing it, never a refusal: a real jump happens, and the reviewer sees the figure anyway.
/// </summary>
public sealed record PlausibilityBand(decimal? ExpectedMin, decimal? ExpectedMax, int? JumpWarningPercent)
{
    /// <summary>The change from the last approved figure (either way) above which a new figure is questioned.</summary>
    public const int DefaultJumpPercent = 50;
    public const int MaxJumpPercent = 100_000;

    public static readonly PlausibilityBand None = new(null, null, null);

    /// <summary>The percent in force: the indicator's own or the default.</summary>
    public int JumpPercent => JumpWarningPercent ?? DefaultJumpPercent;

    /// <summary>The band, checked: a minimum not above the maximum, a jump percent between 1 and <see cref="MaxJumpPercent"/>.</summary>
    public static PlausibilityBand Of(decimal? expectedMin, decimal? expectedMax, int? jumpWarningPercent)
    {
        if (expectedMin is { } min && expectedMax is { } max && min > max)
            throw new DomainException("indicator.band-min-above-max", "The expected minimum is above the expected maximum.");
        if (jumpWarningPercent is < 1 or > MaxJumpPercent)
            throw new DomainException("indicator.band-jump-out-of-range", $"The jump warning is a percent from 1 to {MaxJumpPercent}.", MaxJumpPercent);
        return new(expectedMin, expectedMax, jumpWarningPercent);
    }

    /// <summary>
    /// What is unusual about <paramref name="value"/>: outside the expected range, or more than <see cref="JumpPercent"/>
    /// away from <paramref name="lastApproved"/> (from a last figure of 0 any other figure is a jump). Empty when nothing is.
    /// </summary>
    public IReadOnlyList<PlausibilityWarning> Check(decimal value, decimal? lastApproved)
    {
        var warnings = new List<PlausibilityWarning>();
        if (ExpectedMin is { } min && value < min) warnings.Add(PlausibilityWarning.BelowExpectedMin);
        if (ExpectedMax is { } max && value > max) warnings.Add(PlausibilityWarning.AboveExpectedMax);
        if (lastApproved is { } last && (JumpOf(value, last) is { } jump ? Math.Abs(jump) > JumpPercent : value != 0))
            warnings.Add(PlausibilityWarning.JumpFromLast);
        return warnings;
    }

    /// <summary>The change from <paramref name="last"/> to <paramref name="value"/> in percent of the last; null from a last figure of 0.</summary>
    public static decimal? JumpOf(decimal value, decimal last) => last == 0 ? null : (value - last) / Math.Abs(last) * 100;
}
