using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SysRift.Core.Data;

namespace SysRift.Core.Security;

/// <summary>
/// Identity's principal (name, roles, role claims) plus whether two-factor sign-in is on, and the version of
/// what it was built from (<see cref="PrincipalVersion"/>): every request compares it with the stored rows and
/// the principal is rebuilt when the user or one of its roles changed (SiteSecurityStampValidator), so the admin
/// always sees the current state.
/// </summary>
public sealed class SiteUserClaimsFactory(SysRiftDbContext db, UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<IdentityUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PrincipalVersion.ClaimType, await PrincipalVersion.OfAsync(db, user)));
        if (await UserManager.GetTwoFactorEnabledAsync(user)) identity.AddClaim(new Claim(TwoFactor.EnabledClaimType, "true"));
        return identity;
    }
}
