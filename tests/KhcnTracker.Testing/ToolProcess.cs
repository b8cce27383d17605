using System.Diagnostics;

namespace KhcnTracker.Testing;

/// <summary>Runs a command-line tool the tests need (pg_dump, initdb…) and hands back what it wrote.</summary>
public static class ToolProcess
{
    /// <summary>Its standard output; a non-zero exit throws with what it wrote, named <paramref name="label"/>.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string label)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{label}: {await error}{await output}");
        return await output;
    }
}
