using FluentValidation;

namespace KhcnTracker.Application.Common;

/// <summary>
/// One reason a command was refused. <see cref="Code"/> picks the translated text (<c>Rule.{Code}</c>), formatted with
/// <see cref="Arguments"/>; <see cref="Message"/> is the fallback for logs.
/// </summary>
public sealed record RuleViolation(string Field, string Code, string Message, IReadOnlyList<object?>? Arguments = null);

/// <summary>The command broke one or more rules (validation or the model's): the API answers 400 with every reason.</summary>
public sealed class CommandRejectedException(IReadOnlyList<RuleViolation> violations)
    : Refusal(RefusalKind.Invalid, violations.FirstOrDefault()?.Code ?? "command.rejected", string.Join(" ", violations.Select(v => v.Message)),
        violations.FirstOrDefault()?.Arguments)
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public static CommandRejectedException From(DomainException e, string field = "") => new([new RuleViolation(field, e.Code, e.Message, e.Arguments)]);

    /// <summary>One reason, with no field.</summary>
    public static CommandRejectedException Of(string code, string message, params object?[] arguments) => new([new RuleViolation("", code, message, arguments)]);
}

public static class Validation
{
    /// <summary>Validates at the edge; refuses with every violation at once.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T command, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(command, ct);
        if (!result.IsValid)
            throw new CommandRejectedException(result.Errors
                .Select(e => new RuleViolation(e.PropertyName, e.ErrorCode, e.ErrorMessage, Arguments(e))).ToList());
    }

    /// <summary>A length rule's limit is its text's argument (<c>Rule.text.too-long</c>: "at most {0} characters").</summary>
    private static IReadOnlyList<object?>? Arguments(FluentValidation.Results.ValidationFailure failure) =>
        failure.FormattedMessagePlaceholderValues?.TryGetValue("MaxLength", out var max) == true ? [max] : null;
}
