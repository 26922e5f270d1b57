using System.Net;
using Microsoft.AspNetCore.Identity;
using SysRift.Core.Data;
using SysRift.Core.Security;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Reading;

namespace SysRift.Tests.Integration;

/// <summary>Orchard's permission names in a Roles step: mapped where the meaning matches, kept and reported where not.</summary>
public sealed class OrchardRolesTests
{
    private const string Recipe = """
        { "name": "roles", "steps": [ { "name": "Roles", "Roles": [
          { "Name": "Author", "Permissions": [ "AccessAdminPanel", "EditOwnContent", "PublishOwnContent" ] },
          { "Name": "Editor", "Permissions": [ "ViewContent", "PreviewContent" ] } ] } ] }
        """;

    [Fact]
    public async Task Orchard_names_map_unknown_ones_are_kept_and_an_emptied_built_in_role_is_announced()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");

        var dryRun = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().DryRunAsync(Recipe, new RecipeOptions()));
        Assert.Contains(dryRun.Problems, p => p.Kind == ProblemKind.Warning && p.JsonPath == "$.steps[0].Roles[1]" && p.Message.Contains("Editor with no permission", StringComparison.Ordinal));
        Assert.Contains(dryRun.Kept, p => p.JsonPath == "$.steps[0].Roles[0].Permissions[2]" && p.Message.Contains("PublishOwnContent", StringComparison.Ordinal));

        var applied = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Recipe, new RecipeOptions()));
        Assert.True(applied.Applied, applied.Describe());
        Task<List<string>> ClaimsAsync(string role) => site.InScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleManager<IdentityRole>>();
            return (await roles.GetClaimsAsync((await roles.FindByNameAsync(role))!)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value).Order().ToList();
        });
        Assert.Equal([Permissions.AccessAdmin, Permissions.EditOwnContent, "PublishOwnContent"], await ClaimsAsync("Author"));

        // An administrator's save of the role keeps the Orchard name it cannot show.
        var admin = await AdminSession.SignInAsync(site);
        var form = await admin.PageAsync("/admin/roles/Author");
        var saved = await admin.SubmitAsync(form, "form.editor", new Dictionary<string, string> { ["Permissions"] = Permissions.ManageMedia });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("PublishOwnContent", await ClaimsAsync("Author"));
        Assert.Contains(Permissions.ManageMedia, await ClaimsAsync("Author"));
    }
}
