namespace SysRift.Core.Security;

/// <summary>
/// What a role may do. Stored as "Permission" claims on Identity roles (the same claims the recipe Roles
/// step writes), checked on the server for every admin endpoint. Administrator holds every permission
/// whatever its claims say, so a site can never lock out its own administrators.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "Permission";

    public const string AccessAdmin = "AccessAdmin";
    public const string ManageUsers = "ManageUsers";
    public const string ManageSettings = "ManageSettings";
    public const string EditAnyContent = "EditAnyContent";
    public const string EditOwnContent = "EditOwnContent";
    public const string PublishContent = "PublishContent";
    public const string DeleteContent = "DeleteContent";
    public const string ViewAuditTrail = "ViewAuditTrail";
    public const string ImportExport = "ImportExport";
    public const string ManageMedia = "ManageMedia";
    public const string ManageContentTypes = "ManageContentTypes";

    public sealed record Definition(string Name, string Description);

    public static readonly IReadOnlyList<Definition> All =
    [
        new(AccessAdmin, "Enter the admin and see the dashboard"),
        new(EditOwnContent, "Create content and edit content they own"),
        new(EditAnyContent, "Edit anyone's content, reorder lists"),
        new(PublishContent, "Publish, unpublish and schedule content"),
        new(DeleteContent, "Move content to the trash and restore it"),
        new(ManageMedia, "Upload and delete media"),
        new(ManageSettings, "Change site settings and see the system page"),
        new(ManageUsers, "Manage users and roles"),
        new(ViewAuditTrail, "Read the audit trail"),
        new(ImportExport, "Import and export recipes"),
        new(ManageContentTypes, "Create and change content types, their parts and fields"),
    ];

    public static bool IsKnown(string permission) => All.Any(p => p.Name == permission);

    /// <summary>What setup grants the built-in roles; administrators may change Editor and Author later.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DefaultGrants = new Dictionary<string, string[]>
    {
        [SiteRoles.Administrator] = All.Select(p => p.Name).ToArray(),
        [SiteRoles.Editor] = [AccessAdmin, EditOwnContent, EditAnyContent, PublishContent, DeleteContent, ManageMedia, ViewAuditTrail],
        [SiteRoles.Author] = [AccessAdmin, EditOwnContent, ManageMedia],
    };
}
