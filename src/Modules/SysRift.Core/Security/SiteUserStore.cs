using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Core.Security;

/// <summary>
/// Identity's EF Core user store on the site's context. The site's contexts do not track queries by default
/// (DatabaseConfigurator), but Identity changes a stored token in place (the authenticator key, the list of
/// recovery codes) and then saves: an untracked token's change would be silently lost, and a redeemed
/// recovery code would work again. Tokens are therefore read tracked.
/// </summary>
public sealed class SiteUserStore(SysRiftDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<IdentityUser, IdentityRole, SysRiftDbContext>(context, describer)
{
    protected override Task<IdentityUserToken<string>?> FindTokenAsync(IdentityUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Context.Set<IdentityUserToken<string>>().AsTracking()
            .FirstOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
}
