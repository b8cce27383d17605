namespace KhcnTracker.Domain.Common;

/// <summary>A rule of the model was broken. <see cref="Refusal.Code"/> names the rule so the UI can show a translated message.</summary>
public sealed class DomainException(string code, string message, params object?[] arguments)
    : Refusal(RefusalKind.Invalid, code, message, arguments);
