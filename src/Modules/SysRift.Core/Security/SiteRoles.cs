namespace SysRift.Core.Security;

/// <summary>The roles every site starts with (setup creates them with <see cref="Permissions.DefaultGrants"/>).</summary>
public static class SiteRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";

    public static readonly string[] BuiltIn = [Administrator, Editor, Author];
}
