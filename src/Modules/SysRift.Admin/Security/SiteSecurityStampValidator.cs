using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Security;

/// <summary>
/// Identity's security stamp check on every request (a changed stamp still ends the session), without rebuilding
/// the principal when nothing it was built from changed: it carries the <see cref="PrincipalVersion"/> of its user
/// and roles, so a role given or taken away, or a role's permissions or two-factor rule changed, on any node or
/// by the command line, still shows on the very next request. Identity's validator rebuilt the principal (five
/// more queries) and issued a new cookie on every request of every editor: more of a node's time, while editors
/// publish, than publishing itself. This costs one query more than the stamp check.
/// </summary>
public sealed class SiteSecurityStampValidator(SysRiftDbContext db, IOptions<SecurityStampValidatorOptions> options, SignInManager<IdentityUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<IdentityUser>(options, signInManager, logger)
{
    protected override async Task SecurityStampVerified(IdentityUser user, CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(PrincipalVersion.ClaimType)?.Value == await PrincipalVersion.OfAsync(db, user, context.HttpContext.RequestAborted)) return;
        await base.SecurityStampVerified(user, context);
    }
}
