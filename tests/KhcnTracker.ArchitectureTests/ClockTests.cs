using System.Text.RegularExpressions;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// One clock: the app's TimeProvider, read in Vietnam's time through VietnamTime. The wall clock cannot be faked in a
/// test, and the server's own zone (UTC on most servers) disagrees with Vietnam about the date from 17:00 to midnight.
/// </summary>
public sealed partial class ClockTests
{
    [Fact]
    public void Nothing_reads_the_wall_clock_or_the_servers_zone()
    {
        var offenders = Directory.EnumerateFiles(SourceTree.Path("src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor")).Where(SourceTree.IsHandWritten)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => WallClock().IsMatch(x.line))
            .Select(x => $"{SourceTree.Relative(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\bGetLocalNow\(")]
    private static partial Regex WallClock();
}
