using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

/// <summary>The columns every evidence table has (a value's and a task report's), mapped once.</summary>
internal static class EvidenceFileMapping
{
    public static void MapEvidenceFile<T>(this EntityTypeBuilder<T> b, string table) where T : EvidenceFile
    {
        b.ToTable(table);
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.UploadedBy).HasMaxLength(Accounts.MaxNameLength);
    }
}
