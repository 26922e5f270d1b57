using Microsoft.AspNetCore.Authorization;

namespace SysRift.Admin.Security;

/// <summary>Allows an action (or every action of a controller) only to users whose roles grant <see cref="Permission"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicies.Prefix + permission)
{
    public string Permission { get; } = permission;
}
