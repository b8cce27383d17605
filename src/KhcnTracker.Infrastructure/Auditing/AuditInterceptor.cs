using System.Text.Json;
using KhcnTracker.Application.Auditing;
using KhcnTracker.Domain.Auditing;
using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KhcnTracker.Infrastructure.Auditing;

/// <summary>
/// Writes an audit row for every change to the audited entities, in the same SaveChanges — and so the same
/// transaction — as the change itself. Keys are known before the insert (HiLo ids, Guids, codes), so the rows are
/// complete when they are written; PostgreSQL chains their hashes. Rows are written in stable words (format 2, decision
/// 0010): the entity's and each field's word from <see cref="AuditVocabulary"/>, enum members as their words.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(PolicyDocument), typeof(Indicator), typeof(Target), typeof(PlanTask), typeof(Agency), typeof(AdministrativeUnit),
        typeof(Assignment), typeof(ReportingPeriod), typeof(UnitPeriod), typeof(ReportedValue), typeof(Evidence), typeof(PortalUserAccount), typeof(ReportNarrative),
        typeof(TaskProgressReport), typeof(TaskEvidence), typeof(Domain.Progress.Dashboard),
        typeof(Domain.Progress.Publication),
    ];

    // Derived, technical or secret: never in the trail.
    private static readonly HashSet<string> Skipped =
    [
        "SearchText", "Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "NormalizedEmail", "NormalizedUserName",
    ];

    /// <summary>The entity types the trail records (each needs its words in <see cref="AuditVocabulary"/>).</summary>
    public static IReadOnlySet<Type> AuditedTypes => Audited;

    /// <summary>Properties never written to the trail.</summary>
    public static IReadOnlySet<string> SkippedProperties => Skipped;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditRows(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        AddAuditRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditRows(DbContext? context)
    {
        if (context is not AppDbContext db) return;
        var entries = db.ChangeTracker.Entries().ToList();
        // A save retried inside a transaction (the changes kept pending until its commit) describes them again:
        // the rows of the failed attempt go first, so that each change has one audit row.
        foreach (var pending in entries.Where(e => e.Entity is AuditEntry && e.State == EntityState.Added))
            pending.State = EntityState.Detached;
        var at = clock.GetUtcNow();
        var rows = entries
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Audited.Contains(e.Metadata.ClrType))
            .Select(e => Row(e, at, db.Audit))
            .Where(r => r is not null)
            .ToList();
        db.Set<AuditEntry>().AddRange(rows!);
    }

    /// <summary>The audit row of one tracked change, exactly as the interceptor writes it (used by bulk writers too).</summary>
    internal static AuditEntry? Row(EntityEntry entry, DateTimeOffset at, AuditActor actor)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => !Skipped.Contains(p.Metadata.Name)))
        {
            var (old, @new) = entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) => (property.OriginalValue, property.CurrentValue),
                _ => (NoChange, NoChange),
            };
            if (!ReferenceEquals(old, NoChange)) changes[AuditVocabulary.Field(entry.Metadata.ClrType, property.Metadata.Name)] = [Word(old), Word(@new)];
        }
        if (changes.Count == 0) return null;
        var key = string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
        var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
        return new AuditEntry(at, actor.Account(), actor.Origin(), AuditVocabulary.Of(entry.Metadata.ClrType).Word, key, action, JsonSerializer.Serialize(changes));
    }

    /// <summary>
    /// The audit row of a new entity that EF does not track (a bulk writer's), exactly as <see cref="Row"/> would write
    /// it for the same entity added through EF: every mapped property, null → its value.
    /// </summary>
    internal static AuditEntry Created(IEntityType type, object entity, DateTimeOffset at, AuditActor actor)
    {
        var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties().Where(p => !Skipped.Contains(p.Name)))
            changes[AuditVocabulary.Field(type.ClrType, property.Name)] = [null, Word(property.GetGetter().GetClrValue(entity))];
        var key = string.Join('/', type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entity)));
        return new AuditEntry(at, actor.Account(), actor.Origin(), AuditVocabulary.Of(type.ClrType).Word, key, "create", JsonSerializer.Serialize(changes));
    }

    /// <summary>An enum member as its stable word (flags: the list of words); any other value as it is.</summary>
    private static object? Word(object? value) => value is Enum member ? AuditEnumWords.For(member.GetType()).Stored(member) : value;

    private static readonly object NoChange = new();
}

/// <summary>Who is saving through a context: the signed-in user, or the system (start-up, catalogue loads).</summary>
public sealed class AuditActor(Func<string?>? account = null, Func<string?>? origin = null)
{
    public static readonly AuditActor System = new();

    public string Account() => account?.Invoke() ?? "system";

    public string Origin() => origin?.Invoke() ?? "system";

    /// <summary>The same actor, with changes tagged as coming from <paramref name="tag"/> (kept beside the address).</summary>
    public AuditActor From(string tag) => new(account, () => $"{tag} ({Origin()})");
}
