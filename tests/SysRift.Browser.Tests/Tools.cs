namespace SysRift.Browser.Tests;

/// <summary>
/// Where the external checkers are: Debian's Chromium, axe-core and the Nu Html Checker from
/// tests/tools (npm ci), and Java. Outside CI a missing tool skips these tests with the reason;
/// under CI=true it fails them.
/// </summary>
public static class Tools
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Root { get; } = FindRoot();

    public static string AxeScript => Path.Combine(Root, "tests", "tools", "node_modules", "axe-core", "axe.min.js");

    public static string VnuJar => Path.Combine(Root, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(Root, "tests", "SysRift.Browser.Tests", "TestResults", "screenshots")).FullName;

    public static string? Unavailable =>
        !File.Exists(Chromium) ? $"{Chromium} is missing (apt-get install chromium)"
        : !File.Exists(AxeScript) || !File.Exists(VnuJar) ? "tests/tools has no node_modules (npm ci --prefix tests/tools)"
        : null;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SysRift.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("SysRift.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A browser test: skipped with the reason outside CI when a tool is missing, failed under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Tools.IsCi && Tools.Unavailable is { } reason) Skip = reason;
    }
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Tools.IsCi && Tools.Unavailable is { } reason) Skip = reason;
    }
}
