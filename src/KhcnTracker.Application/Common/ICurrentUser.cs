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

/// <summary>The caller may not do this. The API answers 403; the UI shows the message.</summary>
public sealed class AccessDeniedException(string message = "Bạn không có quyền thực hiện thao tác này.") : Exception(message);

/// <summary>The row changed since the caller read it (optimistic concurrency).</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The row does not exist.</summary>
public sealed class NotFoundException(string message) : Exception(message);
