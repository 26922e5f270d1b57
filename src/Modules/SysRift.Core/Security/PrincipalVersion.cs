using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Core.Security;

/// <summary>
/// What a signed-in principal was built from, as one string: the concurrency stamps of the user row and of its
/// roles. Identity renews a user's stamp with every change to the user, its roles or its claims, and a role's
/// with every change to the role's claims (permissions, two-factor required). A principal whose version is
/// still the stored one is what rebuilding it would give.
/// </summary>
public static class PrincipalVersion
{
    public const string ClaimType = "sysrift:principal-version";

    public static async Task<string> OfAsync(SysRiftDbContext db, IdentityUser user, CancellationToken cancellationToken = default)
    {
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == user.Id
                           orderby role.Id
                           select new { role.Id, role.ConcurrencyStamp }).ToListAsync(cancellationToken);
        return $"{user.ConcurrencyStamp};{string.Join(",", roles.Select(r => $"{r.Id}={r.ConcurrencyStamp}"))}";
    }
}
