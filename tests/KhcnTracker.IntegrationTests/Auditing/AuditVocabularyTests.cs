using System.Globalization;
using System.Resources;
using KhcnTracker.Application.Auditing;
using KhcnTracker.Infrastructure.Auditing;
using KhcnTracker.IntegrationTests.Auditing.Fixtures;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KhcnTracker.IntegrationTests.Auditing;

/// <summary>
/// The audit trail's vocabulary (decision 0010): every audited entity and property has a stable word, every enum member
/// a word, every word a label — and the table is the committed one, so a C# rename cannot change what the trail says.
/// </summary>
public sealed class AuditVocabularyTests
{
    // Entities deliberately outside the trail: the trail itself, key storage, Identity's own tables, and a person's own
    // read marks, mail preferences and the mail outbox (what was sent is the outbox's own record; no figure changes).
    private static readonly string[] NotAudited =
    [
        "AuditEntry", "DataProtectionKey", "NotificationRead", "MailOptOut", "OutboxMail", "IdentityRole<Guid>", "IdentityRoleClaim<Guid>", "IdentityUserClaim<Guid>",
        "IdentityUserLogin<Guid>", "IdentityUserRole<Guid>", "IdentityUserToken<Guid>",
    ];

    private static readonly IModel Model = new AppDbContext(TestPostgres.Options("Host=localhost;Database=model-only")).Model;

    [Fact]
    public void EveryEntityIsEitherAuditedInWordsOrDeliberatelyLeftOut()
    {
        foreach (var type in Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var name = type.ClrType.IsGenericType ? $"{type.ClrType.Name[..type.ClrType.Name.IndexOf('`')]}<{type.ClrType.GenericTypeArguments[0].Name}>" : type.ClrType.Name;
            Assert.True(AuditInterceptor.AuditedTypes.Contains(type.ClrType) || NotAudited.Contains(name),
                $"{name} is a new entity: add it to the audited types and give it a stable word (AuditVocabulary), or leave it out on purpose here.");
        }
        Assert.Equal(AuditInterceptor.AuditedTypes.OrderBy(t => t.Name), AuditVocabulary.Subjects.Keys.OrderBy(t => t.Name));
    }

    [Fact]
    public void EveryAuditedPropertyHasAStableWordAndEveryEnumItsConverter()
    {
        foreach (var type in AuditInterceptor.AuditedTypes)
        {
            var entity = Model.FindEntityType(type)!;
            var subject = AuditVocabulary.Of(type);
            var audited = entity.GetProperties().Where(p => !AuditInterceptor.SkippedProperties.Contains(p.Name)).ToList();
            foreach (var property in audited)
            {
                Assert.True(subject.Fields.ContainsKey(property.Name), $"{type.Name}.{property.Name} has no stable word in AuditVocabulary.");
                var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (!clr.IsEnum) continue;
                var words = AuditEnumWords.For(clr);
                Assert.Same(words, AuditEnumWords.OfField(subject.Word, subject.Fields[property.Name]));
                foreach (var member in Enum.GetValues(clr).Cast<Enum>())
                    Assert.NotNull(words.Stored(member));
            }
            // No field word twice in one subject, and no word for a property that is gone.
            Assert.Equal(subject.Fields.Count, subject.Fields.Values.Distinct().Count());
            Assert.Empty(subject.Fields.Keys.Except(audited.Select(p => p.Name)));
        }
        Assert.Equal(AuditVocabulary.Subjects.Count, AuditVocabulary.Subjects.Values.Select(s => s.Word).Distinct().Count());
        foreach (var words in AuditEnumWords.All)
            Assert.Equal(Enum.GetValues(words.Type).Length, words.Words.Count);
    }

    [Fact]
    public void TheVocabularyIsTheCommittedOne()
    {
        var text = new StringBuilder();
        foreach (var (type, subject) in AuditVocabulary.Subjects.OrderBy(s => s.Value.Word, StringComparer.Ordinal))
            foreach (var (property, field) in subject.Fields.OrderBy(f => f.Value, StringComparer.Ordinal))
                text.Append($"{subject.Word}.{field} <- {type.Name}.{property}\n");
        foreach (var words in AuditEnumWords.All.OrderBy(w => w.Name, StringComparer.Ordinal))
            foreach (var member in Enum.GetValues(words.Type).Cast<Enum>())
                text.Append($"{words.Name}.{words.Stored(member) switch { string w => w, var list => string.Join('+', (IEnumerable<string>)list) }} <- {words.Type.Name}.{member}\n");
        Golden.Matches("audit-vocabulary.txt", Encoding.UTF8.GetBytes(text.ToString()));
    }

    [Fact]
    public void RowsOfFormatOneReadInTodaysWords()
    {
        var fields = AuditVocabulary.Subjects.Values.ToDictionary(s => s.Word,
            s => s.Fields.Values.Concat(AuditVocabulary.FormerFields.GetValueOrDefault(s.Word) ?? new HashSet<string>()).ToHashSet());
        foreach (var (name, v1) in AuditFormatV1.Entities)
        {
            Assert.True(fields.ContainsKey(v1.Subject), $"format 1's {name} reads as {v1.Subject}, which is not a word any more");
            foreach (var (property, (field, words)) in v1.Fields)
            {
                Assert.Contains(field, fields[v1.Subject]);
                var converter = AuditEnumWords.OfField(v1.Subject, field);
                Assert.Equal(words is null, converter is null);
                if (words is not null) Assert.Subset(converter!.Words.ToHashSet(), words.Words.ToHashSet());
            }
        }
    }

    [Fact]
    public void EveryWordHasAVietnameseAndAnEnglishLabel()
    {
        var resources = new ResourceManager("KhcnTracker.Web.Resources.SharedResource", typeof(Program).Assembly);
        var vietnamese = resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var english = resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)!;
        var keys = AuditVocabulary.Subjects.Values.Select(s => $"Audit.Subject.{s.Word}")
            .Concat(AuditVocabulary.Subjects.Values.SelectMany(s => s.Fields.Values).Distinct().Select(f => $"Audit.Field.{f}"))
            .Concat(AuditEnumWords.All.SelectMany(w => w.Words.Select(word => $"Audit.Word.{w.Name}.{word}")))
            .Concat(ListAuditLog.Entities.Select(e => $"Audit.Subject.{e}"));
        foreach (var key in keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(vietnamese.GetString(key)), $"{key} has no Vietnamese label");
            Assert.False(string.IsNullOrWhiteSpace(english.GetString(key)), $"{key} has no English label");
        }
    }
}
