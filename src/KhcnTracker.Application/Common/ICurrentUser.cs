using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Common;

/// <summary>
/// Who is calling a use case, whether from a Blazor component or the API. Every query and command asks
/// <see cref="Access"/> before it touches data: a hidden button protects nothing.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    /// <summary>The sign-in name (e-mail): who did what in the record of a value.</summary>
    string? Account { get; }
    string? Name { get; }
    /// <summary>Where the call came from, for the audit trail: <c>web 203.0.113.7</c>, <c>api 203.0.113.7</c>.</summary>
    string Origin => "system";
    IReadOnlyList<RoleGrant> Grants { get; }
}

/// <summary>The caller may not do this. The API answers 403 (401 signed out); the UI shows <c>Rule.access.denied</c>.</summary>
public sealed class AccessDeniedException(string code = "access.denied")
    : Refusal(RefusalKind.Denied, code, "Access denied.");

/// <summary>The row changed since the caller read it (optimistic concurrency): the code says what changed, the arguments what it is now.</summary>
public sealed class ConcurrencyConflictException(string code, params object?[] arguments)
    : Refusal(RefusalKind.Conflict, code, $"Conflict: {code}", arguments);

/// <summary>The row does not exist, or the caller may not read it (a foreign object answers as a missing one).</summary>
public sealed class NotFoundException(string code, params object?[] arguments)
    : Refusal(RefusalKind.NotFound, code, $"Not found: {code} {string.Join(", ", arguments)}", arguments);
