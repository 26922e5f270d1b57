using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Security;
using SysRift.Core.Site;

namespace SysRift.Recipes.Execution;

/// <summary>
/// What parameters('SiteName'), parameters('AdminUsername') and parameters('AdminUserId') mean on a site that
/// is set up: its name and its first administrator (by user name), read from its database. Imports from the
/// admin and the command line use them; setup passes the values being set up.
/// </summary>
public sealed class SiteRecipeParameters(SysRiftDbContext db, DocumentStore documents)
{
    public async Task<Dictionary<string, string>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var site = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new SiteSettings();
        var admin = await (from user in db.Users
                           join link in db.UserRoles on user.Id equals link.UserId
                           join role in db.Roles on link.RoleId equals role.Id
                           where role.Name == SiteRoles.Administrator
                           orderby user.UserName
                           select new { user.Id, user.UserName }).FirstOrDefaultAsync(cancellationToken);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["SiteName"] = site.SiteName };
        if (admin is not null)
        {
            parameters["AdminUsername"] = admin.UserName ?? "";
            parameters["AdminUserId"] = admin.Id;
        }

        return parameters;
    }
}
