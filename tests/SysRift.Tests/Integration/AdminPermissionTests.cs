using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Tests.Integration;

/// <summary>
/// Walks every admin endpoint the application has, as an anonymous visitor and as each built-in role, and
/// checks the answer against the permission table below (the specification, written independently of the
/// attributes in the code). A new admin endpoint without a line here fails the test.
/// </summary>
public sealed class AdminPermissionTests
{
    private const string Any = "(signed in)";

    /// <summary>What each endpoint needs, by method and route template. Content item routes use an item the Author owns.</summary>
    private static readonly Dictionary<string, string> Required = new()
    {
        ["GET admin"] = Permissions.AccessAdmin,
        ["GET admin/system"] = Permissions.ManageSettings,
        ["GET admin/denied"] = Any,
        ["GET admin/content"] = Permissions.AccessAdmin,
        ["GET admin/content/{type}"] = Permissions.AccessAdmin,
        ["POST admin/content/{type}/bulk"] = Permissions.PublishContent,
        ["POST admin/content/{type}/bulk/apply"] = Permissions.PublishContent,
        ["POST admin/content/{type}/{id}/move"] = Permissions.EditAnyContent,
        ["GET admin/trash"] = Permissions.DeleteContent,
        ["GET admin/content/{type}/new"] = Permissions.EditOwnContent,
        ["POST admin/content/{type}/new"] = Permissions.EditOwnContent,
        ["GET admin/content/item/{id}"] = Permissions.EditOwnContent,
        ["POST admin/content/item/{id}"] = Permissions.EditOwnContent,
        ["POST admin/content/item/{id}/{move:regex(^(publish|unpublish|discard|delete|restore)$)}"] = Permissions.PublishContent,
        ["POST admin/content/item/{id}/clone"] = Permissions.EditOwnContent,
        ["POST admin/content/item/{id}/unschedule"] = Permissions.PublishContent,
        ["POST admin/preview/markdown"] = Permissions.AccessAdmin,
        ["POST admin/preview/html"] = Permissions.AccessAdmin,
        ["GET admin/content/item/{id}/history"] = Permissions.EditOwnContent,
        ["GET admin/content/item/{id}/diff"] = Permissions.EditOwnContent,
        ["GET admin/content/item/{id}/preview"] = Permissions.EditOwnContent,
        ["POST admin/content/item/{id}/versions/{versionId}/restore"] = Permissions.EditOwnContent,
        ["GET admin/settings"] = Permissions.ManageSettings,
        ["POST admin/settings"] = Permissions.ManageSettings,
        ["GET admin/settings/labels"] = Permissions.ManageSettings,
        ["POST admin/settings/labels"] = Permissions.ManageSettings,
        ["GET admin/users"] = Permissions.ManageUsers,
        ["GET admin/users/new"] = Permissions.ManageUsers,
        ["POST admin/users/new"] = Permissions.ManageUsers,
        ["GET admin/users/{id}"] = Permissions.ManageUsers,
        ["POST admin/users/{id}"] = Permissions.ManageUsers,
        ["POST admin/users/{id}/unlock"] = Permissions.ManageUsers,
        ["POST admin/users/{id}/sessions/end"] = Permissions.ManageUsers,
        ["POST admin/roles/require-two-factor"] = Permissions.ManageUsers,
        ["POST admin/users/{id}/delete"] = Permissions.ManageUsers,
        ["GET admin/roles"] = Permissions.ManageUsers,
        ["GET admin/roles/new"] = Permissions.ManageUsers,
        ["POST admin/roles/new"] = Permissions.ManageUsers,
        ["GET admin/roles/{name}"] = Permissions.ManageUsers,
        ["POST admin/roles/{name}"] = Permissions.ManageUsers,
        ["POST admin/roles/{name}/delete"] = Permissions.ManageUsers,
        ["GET admin/account/password"] = Permissions.AccessAdmin,
        ["GET admin/types"] = Permissions.ManageContentTypes,
        ["GET admin/types/new"] = Permissions.ManageContentTypes,
        ["POST admin/types/new"] = Permissions.ManageContentTypes,
        ["GET admin/types/{type}"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/delete"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/remove"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/move"] = Permissions.ManageContentTypes,
        ["GET admin/types/{type}/parts/{part}/settings"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/settings"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/fields"] = Permissions.ManageContentTypes,
        ["GET admin/types/{type}/parts/{part}/fields/{field}"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/fields/{field}"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/fields/{field}/remove"] = Permissions.ManageContentTypes,
        ["POST admin/types/{type}/parts/{part}/fields/{field}/move"] = Permissions.ManageContentTypes,
        ["POST admin/account/password"] = Permissions.AccessAdmin,
        ["GET admin/account/two-factor"] = Permissions.AccessAdmin,
        ["POST admin/account/two-factor/enable"] = Permissions.AccessAdmin,
        ["POST admin/account/two-factor/recovery-codes"] = Permissions.AccessAdmin,
        ["POST admin/account/two-factor/disable"] = Permissions.AccessAdmin,
        ["POST admin/account/two-factor/forget-browser"] = Permissions.AccessAdmin,
        ["GET admin/account/sessions"] = Permissions.AccessAdmin,
        ["POST admin/account/sessions/{id}/end"] = Permissions.AccessAdmin,
        ["POST admin/account/sessions/end-others"] = Permissions.AccessAdmin,
        ["GET admin/audit"] = Permissions.ViewAuditTrail,
        ["GET admin/media"] = Permissions.ManageMedia,
        ["POST admin/media"] = Permissions.ManageMedia,
        ["POST admin/media/delete"] = Permissions.ManageMedia,
        ["POST admin/media/describe"] = Permissions.ManageMedia,
        ["GET admin/recipes/export-package"] = Permissions.ImportExport,
        ["POST admin/media/delete-orphans"] = Permissions.ManageMedia,
        ["GET admin/recipes"] = Permissions.ImportExport,
        ["GET admin/recipes/export"] = Permissions.ImportExport,
        ["POST admin/recipes/dry-run"] = Permissions.ImportExport,
        ["POST admin/recipes/apply"] = Permissions.ImportExport,
    };

    [Fact]
    public async Task Every_admin_endpoint_answers_each_role_as_its_permissions_say()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        await AdminSession.CreateUserAsync(site, "author1", "author passphrase 1", SiteRoles.Author);
        await AdminSession.CreateUserAsync(site, "editor1", "editor passphrase 1", SiteRoles.Editor);
        await AdminSession.CreateUserAsync(site, "temp-user", "temporary passphrase", SiteRoles.Author);
        var (itemId, versionId, tempUserId) = await site.InScopeAsync(async services =>
        {
            var contents = services.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Principle");
            item.GetOrCreatePart("TitlePart")["Title"] = "The author's principle";
            item.GetOrCreatePart("Principle")["Statement"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Written by the author." };
            item.GetOrCreatePart("Principle")["Order"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = 50 };
            var saved = await contents.SaveAsync(item, publish: false, expectedRevision: null, "author1");
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            var roles = services.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
            await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole("Temp"));
            return (saved.Item!.ContentItemId, saved.Item.ContentItemVersionId, (await users.FindByNameAsync("temp-user"))!.Id);
        });

        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("admin", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Template: (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Distinct().OrderBy(e => e.Method == "POST").ThenBy(e => e.Template).ToList();
        var unlisted = endpoints.Select(e => $"{e.Method} {e.Template}").Where(k => !Required.ContainsKey(k)).ToList();
        Assert.True(unlisted.Count == 0, "Admin endpoints without a line in the permission table: " + string.Join(", ", unlisted));
        Assert.True(endpoints.Count >= Required.Count, "The permission table names endpoints the site does not have.");

        string Path(string template) => "/" + RouteWalk.Fill(template, name => name switch
        {
            "type" => "Principle",
            "versionId" => versionId,
            "name" => "Temp",
            "id" when template.StartsWith("admin/users", StringComparison.Ordinal) => tempUserId,
            _ => itemId,
        });

        // Fields that make each POST a real attempt (a publish is asked to publish, a bulk action names one).
        List<KeyValuePair<string, string>> Fields(string template) =>
        [
            new("bulkAction", "Publish"), new("ids", itemId), new("direction", "down"), new("submit", "draft"),
            new("markdown", "*hello*"), new("Name", "Temp2"), new("SiteName", ""), new("Permissions", Permissions.AccessAdmin),
        ];

        var anonymous = site.Browser();
        foreach (var (method, template) in endpoints)
        {
            var response = method == "GET" ? await anonymous.GetAsync(Path(template)) : await anonymous.PostAsync(Path(template), new FormUrlEncodedContent(Fields(template)));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && AdminSession.Target(response).StartsWith("/login", StringComparison.Ordinal),
                $"anonymous {method} {Path(template)} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        foreach (var (user, password, role) in new[] { ("author1", "author passphrase 1", SiteRoles.Author), ("editor1", "editor passphrase 1", SiteRoles.Editor), (SiteFactory.AdminUserName, SiteFactory.AdminPassword, SiteRoles.Administrator) })
        {
            var session = await AdminSession.SignInAsync(site, user, password);
            var granted = Permissions.DefaultGrants[role];
            foreach (var (method, template) in endpoints)
            {
                var path = Path(template);
                var response = method == "GET" ? await session.Client.GetAsync(path) : await session.PostAsync(path, Fields(template));
                var needed = Required[$"{method} {template}"];
                var denied = response.StatusCode == HttpStatusCode.Redirect && AdminSession.Target(response).StartsWith("/admin/denied", StringComparison.Ordinal);
                var allowed = needed == Any || granted.Contains(needed);
                Assert.True((int)response.StatusCode < 500, $"{role} {method} {path} answered {(int)response.StatusCode}");
                Assert.False(response.StatusCode == HttpStatusCode.Redirect && AdminSession.Target(response).StartsWith("/login", StringComparison.Ordinal),
                    $"{role} {method} {path} was sent to sign in");
                Assert.True(allowed != denied, $"{role} {method} {path}: expected {(allowed ? "allowed" : "denied")} (needs {needed}), answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task An_author_edits_their_own_items_only_and_cannot_publish()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        await AdminSession.CreateUserAsync(site, "author1", "author passphrase 1", SiteRoles.Author);
        var author = await AdminSession.SignInAsync(site, "author1", "author passphrase 1");
        var principleOfAdmin = await site.InScopeAsync(services => services.GetRequiredService<SysRiftDbContext>().ContentItems
            .Where(i => i.ContentType == "Principle").Select(i => i.ContentItemId).FirstAsync());

        var denied = await author.Client.GetAsync($"/admin/content/item/{principleOfAdmin}");
        Assert.StartsWith("/admin/denied", AdminSession.Target(denied), StringComparison.Ordinal);

        var form = await author.PageAsync("/admin/content/Principle/new");
        Assert.Null(form.QuerySelector("button[value=publish]"));
        var created = await author.SubmitAsync(form, "form.editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "An author's draft", ["Principle.Statement"] = "Drafted by an author.", ["Principle.Order"] = "60",
        }, submit: "draft");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editPath = created.Headers.Location!.OriginalString;
        var edit = await author.PageAsync(editPath);
        Assert.Equal("An author's draft", edit.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));

        var sneaky = await author.SubmitAsync(edit, "form.editor", submit: "publish");
        Assert.StartsWith("/admin/denied", AdminSession.Target(sneaky), StringComparison.Ordinal);
        var status = await site.InScopeAsync(services => services.GetRequiredService<SysRiftDbContext>().ContentItems
            .Where(i => i.ContentItemId == editPath.Substring(editPath.LastIndexOf('/') + 1)).Select(i => i.Status).SingleAsync());
        Assert.Equal(ContentStatus.Draft, status);
    }
}
