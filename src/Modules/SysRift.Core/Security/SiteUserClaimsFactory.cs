using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SysRift.Core.Security;

/// <summary>
/// Identity's principal (name, roles, role claims) plus whether two-factor sign-in is on. The principal is
/// rebuilt on every request (the security stamp check), so the admin always sees the current state.
/// </summary>
public sealed class SiteUserClaimsFactory(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<IdentityUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user)) identity.AddClaim(new Claim(TwoFactor.EnabledClaimType, "true"));
        return identity;
    }
}
