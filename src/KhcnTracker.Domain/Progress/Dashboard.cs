using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Progress;

/// <summary>
/// A province leader's own page of indicator cards, in the order they chose; everyone who reads the province opens it,
/// only its author changes or deletes it. A card is an indicator: the page shows its latest approved value, its trend,
/// the target that matters now and the status, computed when the page is opened.
/// </summary>
public sealed class Dashboard
{
    public const int MaxNameLength = 200;
    public const int MaxCards = 12;

    public int Id { get; private set; }
    public string UnitCode { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string[] IndicatorCodes { get; private set; } = [];
    public string Author { get; private set; } = null!;
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private Dashboard() { }

    public Dashboard(string unitCode, string name, IReadOnlyList<string> indicatorCodes, string author, DateTimeOffset at)
    {
        UnitCode = Slug.Require(unitCode, "unit");
        Author = TextLimits.Required(author, "dashboard.author-missing", Accounts.MaxNameLength);
        Change(name, indicatorCodes, author, at);
    }

    public void Change(string name, IReadOnlyList<string> indicatorCodes, string by, DateTimeOffset at)
    {
        EnsureAuthor(by);
        var cards = indicatorCodes.Select(c => Slug.Require(c, "indicator")).ToArray();
        if (cards.Length == 0) throw new DomainException("dashboard.no-cards", "A dashboard shows at least one indicator.");
        if (cards.Length > MaxCards) throw new DomainException("dashboard.too-many-cards", $"A dashboard shows at most {MaxCards} indicators.", MaxCards);
        if (cards.Distinct().Count() != cards.Length) throw new DomainException("dashboard.card-twice", "An indicator is on the dashboard once.");
        (Name, IndicatorCodes, UpdatedAt) = (TextLimits.Required(name, "dashboard.name-missing", MaxNameLength), cards, at);
    }

    /// <summary>Only the leader who made the dashboard changes or deletes it: colleagues open it, they do not rewrite it.</summary>
    public void EnsureAuthor(string by)
    {
        if (!string.Equals(by?.Trim(), Author, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("dashboard.not-author", "Only the dashboard's author changes it.");
    }
}
