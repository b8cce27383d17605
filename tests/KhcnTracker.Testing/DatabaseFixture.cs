using Xunit;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Testing;

/// <summary>A test class's own database (schema + shipped catalogue), so test classes can run in parallel.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public IDbContextFactory<AppDbContext> Factory => TestPostgres.Factory(ConnectionString);

    public AppDbContext CreateContext() => new(TestPostgres.Options(ConnectionString));

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
