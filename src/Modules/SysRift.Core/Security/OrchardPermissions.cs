namespace SysRift.Core.Security;

/// <summary>
/// Orchard Core's permission names and the SysRift permissions that mean the same (docs/orchard-compatibility.md).
/// A name that maps to nothing is kept on the role as given (and reported), never enforced.
/// </summary>
public static class OrchardPermissions
{
    private static readonly Dictionary<string, string[]> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AccessAdminPanel"] = [Permissions.AccessAdmin],
        ["ManageUsers"] = [Permissions.ManageUsers],
        ["ManageRoles"] = [Permissions.ManageUsers],
        ["ManageSettings"] = [Permissions.ManageSettings],
        ["ManageAdminSettings"] = [Permissions.ManageSettings],
        ["ManageGroupSettings"] = [Permissions.ManageSettings],
        ["EditContent"] = [Permissions.EditAnyContent],
        ["EditOwnContent"] = [Permissions.EditOwnContent],
        ["PublishContent"] = [Permissions.PublishContent],
        ["DeleteContent"] = [Permissions.DeleteContent],
        ["ManageMedia"] = [Permissions.ManageMedia],
        ["ManageMediaContent"] = [Permissions.ManageMedia],
        ["ViewAuditTrail"] = [Permissions.ViewAuditTrail],
        ["Import"] = [Permissions.ImportExport],
        ["Export"] = [Permissions.ImportExport],
        ["EditContentTypes"] = [Permissions.ManageContentTypes],
        ["SiteOwner"] = Permissions.All.Select(p => p.Name).ToArray(),
    };

    /// <summary>The SysRift permissions <paramref name="name"/> grants: itself when it is one, its mapping when Orchard's, or none.</summary>
    public static IReadOnlyList<string> Resolve(string name) =>
        Permissions.IsKnown(name) ? [name] : Map.TryGetValue(name, out var mapped) ? mapped : [];

    public static IReadOnlyDictionary<string, string[]> Table => Map;
}
