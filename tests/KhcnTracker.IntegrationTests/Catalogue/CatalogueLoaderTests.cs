using KhcnTracker.Infrastructure.Catalogue;
using Microsoft.Extensions.Logging.Abstractions;

namespace KhcnTracker.IntegrationTests.Catalogue;

/// <summary>The catalogue on PostgreSQL: loading is idempotent, administrators' edits survive, invalid targets are refused.</summary>
public sealed class CatalogueLoaderTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private CatalogueLoader Loader => new(database.Factory, NullLogger<CatalogueLoader>.Instance, TestClock.Shared);

    private SaveTarget SaveTarget => new(new AppDbContextFactory(database.Factory), TestCaller.Administrator("test@demo.local"), new SaveTargetValidator());

    [Fact]
    public async Task LoadingAgainChangesNothing()
    {
        var before = await SnapshotAsync();

        var result = await Loader.LoadAsync(CatalogueFiles.ReadShipped());

        Assert.Equal(0, result.Added);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(CatalogueFiles.ReadShipped().Targets.Count, before.Targets);
        Assert.Equal(CatalogueFiles.ReadShipped().Tasks.Count, before.Tasks);
    }

    [Fact]
    public async Task AnAdministratorsEditSurvivesAReload()
    {
        var original = await TargetAsync("laocai", "digital-economy-grdp-share", 2030);
        await SaveTarget.HandleAsync(Edit(original, value: 22m));

        await Loader.LoadAsync(CatalogueFiles.ReadShipped());

        var reloaded = await TargetAsync("laocai", "digital-economy-grdp-share", 2030);
        Assert.Equal(22m, reloaded.Value);
        Assert.True(reloaded.EditedByUser);
    }

    [Fact]
    public async Task AnUpperValueOnAnAtLeastTargetIsRefusedWithAMessage()
    {
        var target = await TargetAsync("laocai", "digital-economy-grdp-share", 2045);
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => SaveTarget.HandleAsync(Edit(target, comparator: "ge", valueMax: 50m)));
        Assert.Contains(error.Violations, v => v.Code == "target.upper-not-allowed");
        Assert.Equal(target.Version, (await TargetAsync("laocai", "digital-economy-grdp-share", 2045)).Version);
    }

    [Fact]
    public async Task ATargetYearBeforeTheDocumentsYearIsRefused()
    {
        var target = await TargetAsync("laocai", "digital-economy-grdp-share", 2030);
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => SaveTarget.HandleAsync(
            Edit(target, value: 20m) with { Id = null, Version = null, Year = 2020 }));
        Assert.Contains(error.Violations, v => v.Code == "target.year-before-document");
    }

    [Fact]
    public async Task APercentOver100IsRefusedWhereTheIndicatorDoesNotAllowIt()
    {
        var target = await TargetAsync("laocai", "digital-economy-grdp-share", 2030);
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => SaveTarget.HandleAsync(Edit(target, value: 120m)));
        Assert.Contains(error.Violations, v => v.Code == "target.percent-over-100");
    }

    [Fact]
    public async Task AStaleEditIsRefusedAndTheNewerValueKept()
    {
        var target = await TargetAsync("laocai", "online-public-service-use", 2030);
        await SaveTarget.HandleAsync(Edit(target, value: 85m));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveTarget.HandleAsync(Edit(target, value: 90m)));
        Assert.Equal(85m, (await TargetAsync("laocai", "online-public-service-use", 2030)).Value);
    }

    private static SaveTargetCommand Edit(Domain.Catalogue.Target t, decimal? value = null, string? comparator = null, decimal? valueMax = null) => new(
        t.Id, t.Version, t.DocumentCode, t.UnitCode, t.IndicatorCode, t.Year,
        comparator ?? CatalogueWords.Comparator.Format(t.Comparator), value ?? t.Value, valueMax ?? t.ValueMax,
        t.Growth is { } g ? new GrowthView(CatalogueWords.Growth.Format(g.Mode), g.FromYear, g.ToYear) : null,
        t.BaselineYear, t.BaselineValue, t.SourceFile, t.SourceQuote, t.NoteVi);

    private async Task<Domain.Catalogue.Target> TargetAsync(string unit, string indicator, int year)
    {
        await using var db = database.CreateContext();
        return await db.Targets.AsNoTracking().SingleAsync(t => t.UnitCode == unit && t.IndicatorCode == indicator && t.Year == year);
    }

    private sealed record Snapshot(int Units, int Agencies, int Documents, int Indicators, int Targets, int Tasks, string Versions);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = database.CreateContext();
        var versions = string.Join(",", await db.Targets.OrderBy(t => t.Id).Select(t => t.Version).ToListAsync())
            + "|" + string.Join(",", await db.Tasks.OrderBy(t => t.Id).Select(t => t.Version).ToListAsync());
        return new Snapshot(await db.Units.CountAsync(), await db.Agencies.CountAsync(), await db.Documents.CountAsync(),
            await db.Indicators.CountAsync(), await db.Targets.CountAsync(), await db.Tasks.CountAsync(), versions);
    }
}
