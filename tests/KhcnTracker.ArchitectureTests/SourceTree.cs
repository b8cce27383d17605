namespace KhcnTracker.ArchitectureTests;

/// <summary>The repository's files, for the rules that read source text rather than assemblies.</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Relative(string file) => System.IO.Path.GetRelativePath(Root, file);

    /// <summary>Our code, not what the tools wrote (build output, EF migrations).</summary>
    public static bool IsHandWritten(string file)
    {
        var relative = Relative(file).Replace('\\', '/');
        return !relative.Contains("/obj/") && !relative.Contains("/bin/") && !relative.Contains("/Migrations/");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KhcnTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("KhcnTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
