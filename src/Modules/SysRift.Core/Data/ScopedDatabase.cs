using SysRift.Core.Site;

namespace SysRift.Core.Data;

/// <summary>
/// The database this DI scope talks to: the site's, unless setup points the scope at the database chosen
/// on the setup form (before anything in the scope has asked for the DbContext).
/// </summary>
public sealed class ScopedDatabase(SiteShell shell)
{
    private DatabaseSettings? _override;

    public DatabaseSettings Settings => _override ?? shell.Database;

    /// <summary>True when the database has a schema to read (a set-up site, or the one setup just created).</summary>
    public bool HasSchema => _override is not null || shell.IsRunning;

    public void Use(DatabaseSettings settings) => _override = settings;
}
