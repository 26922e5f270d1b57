using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SysRift.Admin.Security;

/// <summary>
/// Identity's sign-in manager with the password check and the sign-in split apart: between them the sign-in
/// form asks the throttle whether a right password from this address is enough (see SignInThrottle).
/// </summary>
public sealed class SiteSignInManager(UserManager<IdentityUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<IdentityUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<IdentityUser> confirmation)
    : SignInManager<IdentityUser>(users, context, claims, options, logger, schemes, confirmation)
{
    /// <summary>After a checked password: signs in, or asks for the second factor (unless this browser is remembered).</summary>
    public Task<SignInResult> SignInAfterPasswordAsync(IdentityUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);
}
