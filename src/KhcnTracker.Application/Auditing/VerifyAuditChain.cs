namespace KhcnTracker.Application.Auditing;

/// <summary>The chain check: how many rows were read and the first broken link, if any, with what is wrong with it.</summary>
public sealed record AuditChainReport(bool Intact, long RowsChecked, long? FirstBrokenSequence, string? Problem, DateTimeOffset CheckedAt);

public interface IAuditChain
{
    Task<AuditChainReport> VerifyAsync(CancellationToken ct);
}

/// <summary>Auditors (any scope) and administrators verify that no audit row was altered or removed.</summary>
public sealed class VerifyAuditChain(IAuditChain chain, ICurrentUser user)
{
    public Task<AuditChainReport> HandleAsync(CancellationToken ct = default)
    {
        user.EnsureCanVerifyAuditChain();
        return chain.VerifyAsync(ct);
    }
}
