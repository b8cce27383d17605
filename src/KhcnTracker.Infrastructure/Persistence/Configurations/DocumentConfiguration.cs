using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.Property(x => x.RetiredBy).HasMaxLength(256);
        b.Property(x => x.RetiredReason).HasMaxLength(Retirement.MaxReasonLength);
        b.ToTable("documents");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(Slug.MaxLength);
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.TitleVi).HasMaxLength(1000);
        b.Property(x => x.TitleEn).HasMaxLength(1000);
        b.Property(x => x.Issuer).HasMaxLength(300);
        b.Property(x => x.SourceFile).HasMaxLength(200);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(x => x.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyDocument>().WithMany().HasForeignKey(x => x.ImplementsCode).OnDelete(DeleteBehavior.Restrict);
    }
}
