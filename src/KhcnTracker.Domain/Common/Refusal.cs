namespace KhcnTracker.Domain.Common;

/// <summary>Which kind of "no" a refusal is: it picks the API's status code (400, 403, 404, 409, 429).</summary>
public enum RefusalKind
{
    Invalid,
    Denied,
    NotFound,
    Conflict,
    Busy,
}

/// <summary>
/// Every refusal of the portal, whichever layer says it: a rule code and its arguments. The text a person reads is the
/// resource <c>Rule.{Code}</c> in their language, formatted with <see cref="Arguments"/>; <see cref="Exception.Message"/>
/// is only for logs. Pages show refusals through one helper (<c>ErrorText</c>), the API answers them through one filter.
/// </summary>
public abstract class Refusal(RefusalKind kind, string code, string message, IReadOnlyList<object?>? arguments = null) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;

    public string Code { get; } = code;

    public IReadOnlyList<object?> Arguments { get; } = arguments ?? [];
}
