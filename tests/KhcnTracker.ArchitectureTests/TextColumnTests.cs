using KhcnTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// Every text column of the portal's own tables has a length limit (a constant on its domain type, read by the guard,
/// the validator and the mapping): an unbounded <c>text</c> column lets one request store megabytes. ASP.NET Core
/// Identity's and Data Protection's columns are the frameworks' own and stay as they define them; JSON columns are
/// bounded by the request size.
/// </summary>
public sealed class TextColumnTests
{
    [Fact]
    public void Every_text_column_of_the_portals_tables_is_bounded()
    {
        // Reading the model opens no connection.
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=model.invalid").Options);
        var unbounded = db.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetProperties().Select(property => (entity, property)))
            .Where(x => x.property.ClrType == typeof(string))
            .Where(x => (x.property.PropertyInfo?.DeclaringType ?? x.entity.ClrType).Namespace?.StartsWith("KhcnTracker", StringComparison.Ordinal) == true)
            .Where(x => x.property.GetColumnType() is not ("jsonb" or "json"))
            .Where(x => x.property.GetMaxLength() is null)
            .Select(x => $"{x.entity.ClrType.Name}.{x.property.Name}")
            .ToList();
        Assert.True(unbounded.Count == 0, "unbounded text columns: " + string.Join(", ", unbounded));
    }

    [Fact]
    public void The_check_sees_the_limits_of_the_domain_types()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=model.invalid").Options);
        var name = db.Model.FindEntityType(typeof(Domain.Catalogue.Indicator))!.FindProperty(nameof(Domain.Catalogue.Indicator.NameVi))!;
        Assert.Equal(Domain.Catalogue.Indicator.MaxNameLength, name.GetMaxLength());
    }
}
