using System.Text.RegularExpressions;

namespace KhcnTracker.IntegrationTests.Catalogue;

/// <summary>
/// The 63 provincial units of before 1 July 2025 under the portal's one-code convention (34 in force, 29 merged into
/// them), checked against the shipped source list of Resolution 202/2025/QH15 (Catalogue/Sources/provinces-2025.md).
/// </summary>
public sealed partial class UnitsOfVietnamTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string SourceFile = Path.Combine(AppContext.BaseDirectory, "Catalogue", "Sources", "provinces-2025.md");

    [Fact]
    public async Task TheApiListsThe63FormerUnitsAsThe34OfTodayAndThe29MergedIntoThem_AsTheSourceSays()
    {
        using var client = await portal.CreateClientForAsync("leader.national@demo.local");
        var units = (await client.GetFromJsonAsync<JsonElement>("/api/v1/units")).EnumerateArray()
            .Where(u => u.GetProperty("level").GetString() == "province").ToList();

        Assert.Equal(63, units.Count);
        var today = units.Where(u => u.GetProperty("successor").ValueKind == JsonValueKind.Null).ToList();
        var merged = units.Except(today).ToList();
        Assert.Equal(34, today.Count);
        Assert.Equal(29, merged.Count);
        Assert.All(merged, u => Assert.Equal("2025-07-01", u.GetProperty("mergedOn").GetString()));

        var byName = units.ToDictionary(u => Plain(u.GetProperty("nameVi").GetString()!));
        var (unchanged, mergers) = ReadSource();
        Assert.Equal(11, unchanged.Count);
        Assert.Equal(23, mergers.Count);
        foreach (var (name, city) in unchanged)
        {
            var unit = byName[name];
            Assert.Equal(JsonValueKind.Null, unit.GetProperty("successor").ValueKind);
            Assert.Empty(unit.GetProperty("mergedInto").EnumerateArray());
            Assert.Equal(city, unit.GetProperty("isCity").GetBoolean());
        }
        foreach (var (name, city, formers) in mergers)
        {
            var successor = byName[name];
            Assert.Equal(JsonValueKind.Null, successor.GetProperty("successor").ValueKind);
            Assert.Equal(city, successor.GetProperty("isCity").GetBoolean());
            var code = successor.GetProperty("code").GetString();
            // One code for the new unit and the former unit whose name it keeps; every other former unit points at it.
            var others = formers.Where(f => f != name).ToList();
            Assert.Equal(formers.Count - 1, others.Count);
            Assert.Equal(others.Order(), successor.GetProperty("mergedInto").EnumerateArray().Select(f => Plain(f.GetProperty("nameVi").GetString()!)).Order());
            Assert.All(others, f => Assert.Equal(code, byName[f].GetProperty("successor").GetProperty("code").GetString()));
        }
    }

    [Fact]
    public async Task AnAdministratorConfirmsAMergerFlaggedToBeConfirmed_OthersMayNot()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        using var leader = await portal.CreateClientForAsync("leader.national@demo.local");
        Assert.True(await FlaggedAsync(leader, "hagiang"));
        Assert.False(await FlaggedAsync(leader, "vinhphuc")); // shipped from the seed texts since the first release

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/v1/units/hagiang/confirm", null)).StatusCode);
        Assert.True(await FlaggedAsync(leader, "hagiang"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/units/hagiang/confirm", null)).StatusCode);
        Assert.False(await FlaggedAsync(leader, "hagiang"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/units/atlantis/confirm", null)).StatusCode);
    }

    private static async Task<bool> FlaggedAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/units")).EnumerateArray()
        .Single(u => u.GetProperty("code").GetString() == code).GetProperty("lineageToBeConfirmed").GetBoolean();

    /// <summary>The two tables of the source: unchanged units (name, kind) and mergers (new unit, kind, formed from).</summary>
    private static (List<(string Name, bool City)>, List<(string Name, bool City, List<string> Formers)>) ReadSource()
    {
        var unchanged = new List<(string, bool)>();
        var mergers = new List<(string, bool, List<string>)>();
        string? section = null;
        foreach (var line in File.ReadLines(SourceFile))
        {
            if (line.StartsWith("## ")) section = line;
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || cells[1] is "unit" or "new unit (name kept)" || cells[1].StartsWith("---")) continue;
            var city = cells[2] == "city";
            if (section!.StartsWith("## Unchanged")) unchanged.Add((Plain(cells[1]), city));
            else if (section.StartsWith("## Formed")) mergers.Add((Plain(cells[1]), city, cells[3].Split(", ").Select(Plain).ToList()));
        }
        return (unchanged, mergers);
    }

    /// <summary>A name as both sides write it: "Hồ Chí Minh City (Thành phố Hồ Chí Minh)" and "TP. Hồ Chí Minh" are "Hồ Chí Minh".</summary>
    private static string Plain(string name) => CityWords().Replace(name, "").Trim();

    [GeneratedRegex(@"^TP\. | City( \(.*\))?$")]
    private static partial Regex CityWords();
}
