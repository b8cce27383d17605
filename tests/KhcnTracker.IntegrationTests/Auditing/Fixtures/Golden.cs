using System.Runtime.CompilerServices;

namespace KhcnTracker.IntegrationTests.Auditing.Fixtures;

/// <summary>
/// Committed files the tests compare with, in this folder of the source tree. A deliberate change is re-blessed with
/// <c>KHCN_BLESS_GOLDEN=1</c> (the file is rewritten and the diff shows in review); otherwise a difference fails.
/// </summary>
public static class Golden
{
    public static string PathOf(string name) => System.IO.Path.Combine(Folder(), name);

    private static string Folder([CallerFilePath] string here = "") => System.IO.Path.GetDirectoryName(here)!;

    public static void Matches(string name, byte[] actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("KHCN_BLESS_GOLDEN") == "1") File.WriteAllBytes(path, actual);
        Assert.True(File.Exists(path), $"The golden file {name} is missing.");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            File.WriteAllBytes(path + ".actual", actual);
            Assert.Fail($"The output differs from the golden file {name}; what was made is in {name}.actual.");
        }
    }
}
