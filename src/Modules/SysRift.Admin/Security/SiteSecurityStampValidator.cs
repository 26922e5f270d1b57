using System.Security.Claims;
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
/// publish, than publishing itself. The user, its stamp and its roles' stamps come in one precompiled query.
/// </summary>
public sealed class SiteSecurityStampValidator(SysRiftDbContext db, IOptions<SecurityStampValidatorOptions> options, IOptions<IdentityOptions> identity,
    SignInManager<IdentityUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<IdentityUser>(options, signInManager, logger)
{
    private (IdentityUser User, string Version)? _verified;

    /// <summary>What Identity checks (the cookie's user still exists and has the cookie's security stamp), with the user's principal version read in the same query.</summary>
    protected override async Task<IdentityUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal?.FindFirstValue(claims.UserIdClaimType) is not { } userId) return null;
        if (await PrincipalVersion.UserAndVersionAsync(db, userId, SignInManager.Context.RequestAborted) is not { } found) return null;
        // A user without a stamp fails, as Identity's own check does (it throws there).
        if (found.User.SecurityStamp is not { } stamp || stamp != principal.FindFirstValue(claims.SecurityStampClaimType)) return null;
        _verified = found;
        return found.User;
    }

    protected override async Task SecurityStampVerified(IdentityUser user, CookieValidatePrincipalContext context)
    {
        var version = _verified is { } verified && ReferenceEquals(verified.User, user)
            ? verified.Version
            : await PrincipalVersion.OfAsync(db, user, context.HttpContext.RequestAborted);
        if (context.Principal?.FindFirst(PrincipalVersion.ClaimType)?.Value == version) return;
        await base.SecurityStampVerified(user, context);
    }
}
