using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> b)
    {
        b.ToTable("notification_reads");
        b.HasKey(x => new { x.Account, x.Key });
        b.Property(x => x.Account).HasMaxLength(NotificationRead.MaxAccountLength);
        b.Property(x => x.Key).HasMaxLength(NotificationRead.MaxKeyLength);
    }
}

internal sealed class MailOptOutConfiguration : IEntityTypeConfiguration<MailOptOut>
{
    public void Configure(EntityTypeBuilder<MailOptOut> b)
    {
        b.ToTable("mail_opt_outs");
        b.HasKey(x => new { x.Account, x.Kind });
        b.Property(x => x.Account).HasMaxLength(NotificationRead.MaxAccountLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("mail_outbox");
        b.HasKey(x => x.Id);
        // Exactly once: one row per recipient and notification key (kind + item + occurrence), whoever decides it.
        b.HasIndex(x => new { x.Recipient, x.Key }).IsUnique();
        // The delivery reads what is still to send.
        b.HasIndex(x => x.SentAt).HasFilter("\"SentAt\" IS NULL");
        b.Property(x => x.Recipient).HasMaxLength(OutboxMail.MaxRecipientLength);
        b.Property(x => x.Key).HasMaxLength(OutboxMail.MaxKeyLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Subject).HasMaxLength(OutboxMail.MaxSubjectLength);
        b.Property(x => x.TextBody).HasMaxLength(OutboxMail.MaxBodyLength);
        b.Property(x => x.HtmlBody).HasMaxLength(OutboxMail.MaxBodyLength);
        b.Property(x => x.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
    }
}
