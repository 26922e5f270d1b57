namespace SysRift.Tests;

/// <summary>
/// Tests that read ../shared (the real Orchard Core recipes laid beside the repository, copied unmodified).
/// On a clone with nothing beside it they are skipped with the reason; under CI=true, where the folder is
/// always laid, a missing folder fails them instead of passing unseen.
/// </summary>
public static class SharedFixtures
{
    public static bool Available => Directory.Exists(RepoPaths.Fixtures);

    public static string? SkipReason =>
        Available || PostgresServer.IsCi ? null : $"The Orchard Core fixtures are not beside this clone ({RepoPaths.Fixtures}); CI lays them there.";
}

/// <summary>A fact that reads ../shared; see <see cref="SharedFixtures"/>.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedFixtures.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that reads ../shared; see <see cref="SharedFixtures"/>.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedFixtures.SkipReason is { } reason) Skip = reason;
    }
}
