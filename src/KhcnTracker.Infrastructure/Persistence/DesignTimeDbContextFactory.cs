using Microsoft.EntityFrameworkCore.Design;

namespace KhcnTracker.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the app; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=khcn_design").Options);
}
