using FluentValidation;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Application.Common;

/// <summary>One reason a command was refused. <see cref="Code"/> picks the translated message; <see cref="Message"/> is the fallback.</summary>
public sealed record RuleViolation(string Field, string Code, string Message);

public sealed class CommandRejectedException(IReadOnlyList<RuleViolation> violations)
    : Exception(string.Join(" ", violations.Select(v => v.Message)))
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public static CommandRejectedException From(DomainException e) => new([new RuleViolation("", e.Code, e.Message)]);
}

public static class Validation
{
    /// <summary>Validates at the edge; refuses with every violation at once.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T command, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(command, ct);
        if (!result.IsValid)
            throw new CommandRejectedException(result.Errors
                .Select(e => new RuleViolation(e.PropertyName, e.ErrorCode, e.ErrorMessage)).ToList());
    }
}
