namespace KhcnTracker.Domain.Common;

/// <summary>A rule of the model was broken. <see cref="Code"/> names the rule so the UI can show a translated message.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
