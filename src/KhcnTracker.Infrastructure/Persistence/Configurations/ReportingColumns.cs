namespace KhcnTracker.Infrastructure.Persistence.Configurations;

/// <summary>
/// The column groups the reporting tables share, mapped once: the evidence file columns (a value's and a task report's
/// evidence) and the review columns (a reported value and a task progress report).
/// </summary>
internal static class ReportingColumns
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

    public static void MapReview<T>(this EntityTypeBuilder<T> b, int maxReturnReasonLength) where T : ReviewedRevision
    {
        b.Property(x => x.ReturnReason).HasMaxLength(maxReturnReasonLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.EnteredBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.SubmittedBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.ReviewedBy).HasMaxLength(Accounts.MaxNameLength);
        b.Property(x => x.Authors).HasColumnType("text[]");
        b.Property(x => x.Version).IsRowVersion();
    }
}
