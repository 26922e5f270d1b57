using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace SysRift.Core.Security;

/// <summary>Creates Administrator, Editor and Author with their default permissions when they are missing.</summary>
public static class BuiltInRoles
{
    public static async Task EnsureAsync(RoleManager<IdentityRole> roles, CancellationToken cancellationToken = default)
    {
        foreach (var name in SiteRoles.BuiltIn)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await roles.RoleExistsAsync(name)) continue;
            var role = new IdentityRole(name);
            Check(await roles.CreateAsync(role), name);
            foreach (var permission in Permissions.DefaultGrants[name])
                Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission)), name);
        }
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not create the role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
