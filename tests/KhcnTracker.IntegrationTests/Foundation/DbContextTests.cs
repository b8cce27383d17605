namespace KhcnTracker.IntegrationTests.Foundation;

/// <summary>Writes and reads through the app's own DbContext on PostgreSQL.</summary>
public sealed class DbContextTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task TheMappingIsTheOneTheMigrationsBuilt()
    {
        // The configurations (Persistence/Configurations) describe exactly the schema the committed migrations create:
        // a mapping change without its migration fails here.
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task ATargetWrittenIsReadBackWithItsVietnameseQuote()
    {
        int id;
        await using (var db = database.CreateContext())
        {
            var document = new PolicyDocument("test-plan-1", new DocumentDetails("1/KH-TEST", DocumentKind.Plan, "Kế hoạch thử nghiệm",
                "Test plan", "UBND tỉnh", "laocai", new DateOnly(2025, 3, 1), 2025, null, null, false));
            var indicator = await db.Indicators.FirstAsync(i => i.Measure == Measure.Percent && !i.AllowsOver100);
            var unit = await db.Units.FindAsync("laocai");
            db.Documents.Add(document);
            var target = Target.Create(document, unit!, indicator,
                new TargetTerms(2030, Comparator.AtLeast, 25.5m, null, null, null, null, "Ghi chú: đạt tối thiểu"),
                new TargetSource("test.txt", "đạt tối thiểu 25,5% vào năm 2030"), false);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            id = target.Id;
        }

        await using var reread = database.CreateContext();
        var saved = await reread.Targets.SingleAsync(t => t.Id == id);
        Assert.Equal(25.5m, saved.Value);
        Assert.Equal(Comparator.AtLeast, saved.Comparator);
        Assert.Equal("đạt tối thiểu 25,5% vào năm 2030", saved.SourceQuote);
        Assert.NotEqual(0u, saved.Version);
    }

    [Fact]
    public async Task TheSecondOfTwoConcurrentEditsIsRefused()
    {
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Documents.SingleAsync(d => d.Code == "nq57-tw");
        var b = await second.Documents.SingleAsync(d => d.Code == "nq57-tw");

        a.Confirm();
        await first.SaveChangesAsync();
        b.Retire(new KhcnTracker.Domain.Catalogue.Retirement("admin@demo.local", DateTimeOffset.UnixEpoch, "Không còn hiệu lực"));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
