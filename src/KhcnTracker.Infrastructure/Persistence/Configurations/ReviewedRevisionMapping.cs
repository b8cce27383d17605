using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

/// <summary>The review columns a reported value and a task progress report share, mapped once.</summary>
internal static class ReviewedRevisionMapping
{
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
