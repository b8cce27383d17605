using KhcnTracker.Infrastructure.Identity;

namespace KhcnTracker.Infrastructure.Persistence.Configurations;

internal sealed class PortalUserAccountConfiguration : IEntityTypeConfiguration<PortalUserAccount>
{
    public void Configure(EntityTypeBuilder<PortalUserAccount> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Grants).HasColumnType("text[]");
    }
}
