using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Reporting;
using KhcnTracker.Application.Reporting.Periods;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace KhcnTracker.Infrastructure.Catalogue;

public sealed record CatalogueLoadResult(int Added, int Refreshed, int KeptUserEdits);

/// <summary>
/// Loads the shipped catalogue in one transaction. Idempotent: a row already there is refreshed from the file only
/// if no user has changed it, so loading again never duplicates anything and never overwrites an administrator's edit.
/// </summary>
public sealed class CatalogueLoader(IDbContextFactory<AppDbContext> factory, ILogger<CatalogueLoader> logger, TimeProvider clock)
{
    public async Task<CatalogueLoadResult> LoadAsync(CatalogueFiles files, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counter = new Counter();
            await LoadUnitsAsync(db, files, counter, ct);
            await LoadAgenciesAsync(db, files, counter, ct);
            await LoadDocumentsAsync(db, files, counter, ct);
            await LoadIndicatorsAsync(db, files, counter, ct);
            await LoadTargetsAsync(db, files, counter, ct);
            await LoadTasksAsync(db, files, counter, ct);
            await LoadDefaultAssignmentsAsync(db, counter, ct);
            await LoadDefaultPeriodsAsync(db, counter, Application.Common.VietnamTime.Of(clock.GetUtcNow()).Year, ct);
            await transaction.CommitAsync(ct);
            return counter.ToResult();
        });
        logger.LogInformation("Catalogue loaded: {Added} added, {Refreshed} refreshed, {Kept} kept as users changed them",
            result.Added, result.Refreshed, result.KeptUserEdits);
        return result;
    }

    private static async Task LoadUnitsAsync(AppDbContext db, CatalogueFiles files, Counter counter, CancellationToken ct)
    {
        var existing = await db.Units.Select(u => u.Code).ToHashSetAsync(ct);
        // Successors first, so that every foreign key points at a row already written.
        foreach (var row in files.Units.OrderBy(u => u.Successor is not null).Where(u => !existing.Contains(u.Code)))
        {
            db.Units.Add(new AdministrativeUnit(row.Code, row.NameVi, row.NameEn, CatalogueWords.Level.Parse(row.Level), row.Successor, row.MergedOn,
                row.City, row.ToBeConfirmed));
            await db.SaveChangesAsync(ct);
            counter.Added++;
        }
    }

    private static async Task LoadAgenciesAsync(AppDbContext db, CatalogueFiles files, Counter counter, CancellationToken ct)
    {
        var existing = (await db.Agencies.Select(a => new { a.UnitCode, a.Code }).ToListAsync(ct))
            .Select(a => (a.UnitCode, a.Code)).ToHashSet();
        foreach (var row in files.Agencies.OrderBy(a => a.Successor is not null).Where(a => !existing.Contains((a.Unit, a.Code))))
        {
            var successor = row.Successor?.Split('/', 2);
            db.Agencies.Add(new Agency(row.Unit, row.Code, row.NameVi, row.NameEn, successor?[0], successor?[1], row.MergedOn, row.ToBeConfirmed));
            counter.Added++;
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task LoadDocumentsAsync(AppDbContext db, CatalogueFiles files, Counter counter, CancellationToken ct)
    {
        var existing = await db.Documents.ToDictionaryAsync(d => d.Code, ct);
        foreach (var row in files.Documents.OrderBy(d => d.Implements is not null))
        {
            var details = CatalogueMapping.Details(row);
            if (existing.TryGetValue(row.Code, out var document))
                counter.Refresh(document.RefreshFromCatalogue(details));
            else
            {
                db.Documents.Add(new PolicyDocument(row.Code, details));
                await db.SaveChangesAsync(ct);
                counter.Added++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task LoadIndicatorsAsync(AppDbContext db, CatalogueFiles files, Counter counter, CancellationToken ct)
    {
        var existing = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        foreach (var row in files.Indicators)
        {
            var details = CatalogueMapping.Details(row);
            if (existing.TryGetValue(row.Code, out var indicator))
                counter.Refresh(indicator.RefreshFromCatalogue(details));
            else
            {
                db.Indicators.Add(new Indicator(row.Code, details));
                counter.Added++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task LoadTargetsAsync(AppDbContext db, CatalogueFiles files, Counter counter, CancellationToken ct)
    {
        var documents = await db.Documents.ToDictionaryAsync(d => d.Code, ct);
        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        var existing = (await db.Targets.ToListAsync(ct))
            .ToDictionary(t => (t.DocumentCode, t.UnitCode, t.IndicatorCode, t.Year));
        foreach (var row in files.Targets)
        {
            var document = Find(documents, row.Document, "document");
            var unit = Find(units, row.Unit, "unit");
            var indicator = Find(indicators, row.Indicator, "indicator");
            var terms = CatalogueMapping.Terms(row);
            var source = new TargetSource(row.SourceFile, row.Quote);
            if (existing.TryGetValue((row.Document, row.Unit, row.Indicator, row.Year), out var target))
                counter.Refresh(target.RefreshFromCatalogue(document, indicator, terms, source, row.ToBeConfirmed));
            else
            {
                db.Targets.Add(Target.Create(document, unit, indicator, terms, source, row.ToBeConfirmed));
                counter.Added++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task LoadTasksAsync(AppDbContext db, CatalogueFiles files, Counter counter, CancellationToken ct)
    {
        var documents = await db.Documents.ToDictionaryAsync(d => d.Code, ct);
        var existing = (await db.Tasks.ToListAsync(ct)).ToDictionary(t => (t.DocumentCode, t.Number));
        foreach (var row in files.Tasks)
        {
            var document = Find(documents, row.Document, "document");
            var details = CatalogueMapping.Details(row);
            if (existing.TryGetValue((row.Document, row.Number), out var task))
                counter.Refresh(task.RefreshFromCatalogue(document, details));
            else
            {
                db.Tasks.Add(new PlanTask(document, row.Number, details));
                counter.Added++;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rule of <see cref="DefaultAssignments"/>, the same one an administrator's new target triggers.</summary>
    private static async Task LoadDefaultAssignmentsAsync(AppDbContext db, Counter counter, CancellationToken ct)
    {
        counter.Added += await DefaultAssignments.AddMissingAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Reporting periods from 2024 to this year (<see cref="DefaultPeriods"/>): the year and its first half, each with a
    /// row in every unit; 2024 comes locked, as history. Reviewers and administrators run them from then on.
    /// </summary>
    private static async Task LoadDefaultPeriodsAsync(AppDbContext db, Counter counter, int thisYear, CancellationToken ct)
    {
        counter.Added += await DefaultPeriods.AddMissingAsync(db, thisYear, ct);
        await db.SaveChangesAsync(ct);
    }

    private static T Find<T>(Dictionary<string, T> rows, string code, string what) =>
        rows.TryGetValue(code, out var row) ? row : throw new InvalidOperationException($"The catalogue names an unknown {what} '{code}'.");

    private sealed class Counter
    {
        public int Added;
        private int _refreshed;
        private int _kept;

        public void Refresh(bool refreshed)
        {
            if (refreshed) _refreshed++;
            else _kept++;
        }

        public CatalogueLoadResult ToResult() => new(Added, _refreshed, _kept);
    }
}
