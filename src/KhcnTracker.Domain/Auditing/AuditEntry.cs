namespace KhcnTracker.Domain.Auditing;

/// <summary>
/// One change in the audit trail: who, when, from where, what (old → new). Rows are append-only and chained: each
/// carries the hash of the one before it, so removing or altering a row breaks the chain. PostgreSQL assigns
/// <see cref="Sequence"/>, <see cref="PreviousHash"/> and <see cref="Hash"/> (and refuses updates and deletes).
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = null!;
    public string Origin { get; private set; } = null!;
    public string Entity { get; private set; } = null!;
    public string EntityKey { get; private set; } = null!;
    public string Action { get; private set; } = null!;
    /// <summary>JSON object: field → [old, new].</summary>
    public string Changes { get; private set; } = null!;
    /// <summary>
    /// How <see cref="Entity"/> and <see cref="Changes"/> are written (decision 0010): 1 — C# names and enum numbers (rows
    /// written before the stable words; read through a frozen translator); 2 — the audit vocabulary's words.
    /// </summary>
    public int Format { get; private set; } = CurrentFormat;
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>The format new rows are written in: stable words.</summary>
    public const int CurrentFormat = 2;

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string actor, string origin, string entity, string entityKey, string action, string changes)
    {
        (At, Actor, Origin, Entity, EntityKey, Action, Changes) = (at, actor, origin, entity, entityKey, action, changes);
    }
}
