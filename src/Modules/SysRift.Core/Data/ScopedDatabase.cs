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

    public void Use(DatabaseSettings settings) => _override = settings;
}
