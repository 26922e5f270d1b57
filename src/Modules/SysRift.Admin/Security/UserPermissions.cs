using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Security;

/// <summary>
/// What the signed-in user may do: the permission claims of their roles, read from the database once per
/// request, so a change to a role applies on the next request. Role membership comes from the sign-in
/// cookie, which the security stamp check refreshes on every request (a role change moves the stamp).
/// </summary>
public sealed class UserPermissions(SysRiftDbContext db)
{
    private HashSet<string>? _granted;
    private ClaimsPrincipal? _for;

    public async Task<bool> HasAsync(ClaimsPrincipal user, string permission)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        return (await GrantedAsync(user)).Contains(permission);
    }

    public async Task<IReadOnlySet<string>> GrantedAsync(ClaimsPrincipal user)
    {
        if (_granted is not null && ReferenceEquals(_for, user)) return _granted;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var granted = new HashSet<string>(StringComparer.Ordinal);
        if (roles.Contains(SiteRoles.Administrator))
        {
            granted.UnionWith(Permissions.All.Select(p => p.Name));
        }
        else if (roles.Count > 0)
        {
            var claims = await (from role in db.Roles
                                join claim in db.RoleClaims on role.Id equals claim.RoleId
                                where roles.Contains(role.Name!) && claim.ClaimType == Permissions.ClaimType
                                select claim.ClaimValue).ToListAsync();
            granted.UnionWith(claims.Where(c => c is not null).Select(c => c!));
        }

        (_granted, _for) = (granted, user);
        return granted;
    }

    /// <summary>May <paramref name="user"/> change an item owned by <paramref name="owner"/>?</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, string? owner)
    {
        var granted = await GrantedAsync(user);
        if (granted.Contains(Permissions.EditAnyContent)) return true;
        return granted.Contains(Permissions.EditOwnContent) && owner is not null && string.Equals(owner, user.Identity?.Name, StringComparison.Ordinal);
    }
}
