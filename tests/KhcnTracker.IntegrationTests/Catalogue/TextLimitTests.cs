using KhcnTracker.Domain.Common;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Catalogue;

/// <summary>
/// One limit, three places: the validator refuses past the domain type's constant with the limit as the text's
/// argument, the domain refuses the same, and PostgreSQL's column holds exactly that many characters.
/// </summary>
public sealed class TextLimitTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private SaveIndicator Save => new(new AppDbContextFactory(database.Factory), TestCaller.Administrator(), new SaveIndicatorValidator());

    private static SaveIndicatorCommand Command(string code, string nameVi, string? definitionVi = null) =>
        new(code, null, nameVi, "Share of something", ["khcn"], "percent", "higher", 1, false, definitionVi, null, null, false, PlausibilityBand.None);

    [Fact]
    public async Task AnIndicatorNameOneCharacterPastTheLimitIsRefusedWithTheLimitAndNothingIsStored()
    {
        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() =>
            Save.HandleAsync(Command("gioi-han-ten", new string('a', Indicator.MaxNameLength + 1))));

        var violation = Assert.Single(refused.Violations);
        Assert.Equal(TextLimits.TooLong, violation.Code);
        Assert.Equal([Indicator.MaxNameLength], violation.Arguments!);
        await using var db = new AppDbContext(TestPostgres.Options(database.ConnectionString));
        Assert.False(await db.Indicators.AnyAsync(i => i.Code == "gioi-han-ten"));
    }

    [Fact]
    public async Task AnIndicatorAtEveryLimitIsStoredWhole()
    {
        var name = new string('ư', Indicator.MaxNameLength);
        var definition = new string('đ', Indicator.MaxDefinitionLength);

        await Save.HandleAsync(Command("day-gioi-han", name, definition));

        await using var db = new AppDbContext(TestPostgres.Options(database.ConnectionString));
        var stored = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "day-gioi-han");
        Assert.Equal(name, stored.NameVi);
        Assert.Equal(definition, stored.DefinitionVi);
    }

    [Fact]
    public async Task AnEmptyNameIsRefusedAsMissingNotAsTooLong()
    {
        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() => Save.HandleAsync(Command("ten-trong", "")));

        Assert.Equal("indicator.name-missing", Assert.Single(refused.Violations).Code);
    }
}
