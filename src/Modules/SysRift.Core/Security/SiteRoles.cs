namespace SysRift.Core.Security;

/// <summary>Role names the site itself relies on (setup creates them; the admin checks them).</summary>
public static class SiteRoles
{
    public const string Administrator = "Administrator";
}
