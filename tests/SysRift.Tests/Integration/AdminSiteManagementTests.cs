using Microsoft.AspNetCore.Identity;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Tests.Integration;

/// <summary>Settings, users and roles, passwords, media, import and export, and the audit trail, through the admin.</summary>
public sealed class AdminSiteManagementTests
{
    [Fact]
    public async Task Settings_change_the_site_and_the_home_sections_and_bad_links_are_refused_by_field()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var visitor = site.Browser();
        var before = await SiteFactory.ParseAsync(await visitor.GetAsync("/"));
        var sectionIds = before.QuerySelectorAll("main section.section").Select(s => s.GetAttribute("aria-labelledby")).ToList();
        Assert.Equal(["now", "principles", "history", "exploration", "models", "shelf", "outside", "writing"], sectionIds);

        var page = await admin.PageAsync("/admin/settings");
        var positions = page.QuerySelectorAll("input[name$='.Key']").Select(i => i.GetAttribute("value")).ToList();
        var changes = new Dictionary<string, string>
        {
            ["SiteName"] = "Renamed Site", ["Footer"] = "A new footer line.",
            ["Owner"] = "Ada Lovelace", ["JobTitle"] = "Engine analyst", ["Tagline"] = "Notes on engines.",
            ["SocialLinks[0].Text"] = "Mastodon", ["SocialLinks[0].Url"] = "https://example.social/@me",
            [$"HomeSections[{positions.IndexOf("writing")}].Position"] = "0",
        };
        var shelf = positions.IndexOf("shelf");
        var form = page.QuerySelector("form.editor")!;
        var values = AdminSession.FormValues(form, changes);
        values.RemoveAll(v => v.Key == $"HomeSections[{shelf}].Visible" && v.Value == "true");
        var saved = await admin.Client.PostAsync("/admin/settings", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await SiteFactory.ParseAsync(await visitor.GetAsync("/"));
        Assert.Equal("Renamed Site", after.QuerySelector(".brand")!.TextContent);
        Assert.Contains("A new footer line.", after.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        // Who the site is of comes from the settings everywhere: the footer, the home page's Person, the articles' author, the feed.
        Assert.Equal("Ada Lovelace · Notes on engines.", after.QuerySelector("footer .site-owner")!.TextContent.Trim());
        var person = System.Text.Json.Nodes.JsonNode.Parse(after.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal(("Ada Lovelace", "Engine analyst"), ((string?)person["name"], (string?)person["jobTitle"]));
        var article = await SiteFactory.ParseAsync(await visitor.GetAsync("/articles/why-distributed-systems-fail"));
        Assert.Equal("Ada Lovelace", (string?)System.Text.Json.Nodes.JsonNode.Parse(article.QuerySelector("script[type='application/ld+json']")!.TextContent)!["author"]!["name"]);
        Assert.Contains("<name>Ada Lovelace</name>", await (await visitor.GetAsync("/feed.xml")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A never-published article's preview has no date, and no separator dangling before its reading time.
        var draft = await site.InScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<SysRift.Contents.Items.ContentManager>();
            var item = await contents.NewAsync("Article");
            item.Part("TitlePart")!["Title"] = "An unpublished draft";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Some words.";
            item.GetOrCreatePart("Article")["Summary"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "A draft." };
            item.GetOrCreatePart("Article")["TlDr"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Drafts have no date." };
            var saved = await contents.SaveAsync(item, publish: false, expectedRevision: null, "admin");
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Path + ": " + e.Message)));
            return item.ContentItemId;
        });
        var preview = await admin.PageAsync($"/admin/content/item/{draft}/preview");
        Assert.Matches(@"^\s*1 min read\s*$", preview.QuerySelector(".article__meta")!.TextContent);
        Assert.Equal("https://example.social/@me", after.QuerySelector("footer .social a")!.GetAttribute("href"));
        var order = after.QuerySelectorAll("main section.section").Select(s => s.GetAttribute("aria-labelledby")).ToList();
        Assert.Equal("writing", order[0]);
        Assert.DoesNotContain("shelf", order);
        Assert.DoesNotContain(after.QuerySelectorAll(".toc a"), a => a.GetAttribute("href") == "#shelf");

        // The audit trail shows what changed, word by word: the renamed site's new word, not every setting.
        var trail = await admin.PageAsync("/admin/audit?category=Settings");
        var diff = trail.QuerySelector("table.audit tbody tr .diff-lines")!;
        Assert.Equal(["Renamed"], diff.QuerySelectorAll("ins").Select(i => i.TextContent.Trim()).Where(t => t == "Renamed"));
        Assert.Contains(diff.QuerySelectorAll(".diff-line--added"), l => l.TextContent.Contains("Footer: A new footer line.", StringComparison.Ordinal));
        Assert.DoesNotContain("Time zone", diff.TextContent, StringComparison.Ordinal);

        var bad = await admin.SubmitAsync(await admin.PageAsync("/admin/settings"), "form.editor", new Dictionary<string, string>
        {
            ["Navigation[0].Url"] = "javascript:alert(1)", ["SiteName"] = "Kept name", ["TimeZoneId"] = "Mars/Olympus",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errorPage = await SiteFactory.ParseAsync(bad);
        Assert.Equal("true", errorPage.QuerySelector("input[name='Navigation[0].Url']")!.GetAttribute("aria-invalid"));
        Assert.Equal("Kept name", errorPage.QuerySelector("input[name=SiteName]")!.GetAttribute("value"));
        Assert.Contains("Mars/Olympus", errorPage.QuerySelector("#s-TimeZoneId")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed Site", (await SiteFactory.ParseAsync(await visitor.GetAsync("/"))).QuerySelector(".brand")!.TextContent);
    }

    [Fact]
    public async Task Users_and_roles_are_managed_in_the_admin_and_changes_apply_on_the_next_request()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);

        var form = await admin.PageAsync("/admin/users/new");
        var weak = await admin.SubmitAsync(form, "form.editor", new Dictionary<string, string> { ["UserName"] = "writer", ["Email"] = "writer@example.com", ["Password"] = "short", ["PasswordConfirmation"] = "short", ["Roles"] = "Author" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Equal("true", (await SiteFactory.ParseAsync(weak)).QuerySelector("#u-Password")!.GetAttribute("aria-invalid"));
        var created = await admin.SubmitAsync(form, "form.editor", new Dictionary<string, string> { ["UserName"] = "writer", ["Email"] = "writer@example.com", ["Password"] = "a long enough passphrase", ["PasswordConfirmation"] = "a long enough passphrase", ["Roles"] = "Author" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var writer = await AdminSession.SignInAsync(site, "writer", "a long enough passphrase");
        Assert.StartsWith("/admin/denied", AdminSession.Target(await writer.Client.GetAsync("/admin/audit")), StringComparison.Ordinal);

        // Granting a permission to the role applies on the writer's very next request.
        var role = await admin.PageAsync("/admin/roles/Author");
        var values = AdminSession.FormValues(role.QuerySelector("form.editor")!);
        values.Add(new("Permissions", Permissions.ViewAuditTrail));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync("/admin/roles/Author", new FormUrlEncodedContent(values))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.Client.GetAsync("/admin/audit")).StatusCode);

        // The last administrator cannot lose the role; nobody deletes themselves.
        var adminId = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var demote = await admin.SubmitAsync(await admin.PageAsync($"/admin/users/{adminId}"), "form.editor", new Dictionary<string, string> { ["Roles"] = "Author" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);
        Assert.Contains("last administrator", (await demote.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A password change signs the user out everywhere else; the session that changed it stays.
        var otherSession = await AdminSession.SignInAsync(site, "writer", "a long enough passphrase");
        var change = await writer.SubmitAsync(await writer.PageAsync("/admin/account/password"), "form.editor", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "a long enough passphrase", ["NewPassword"] = "another long passphrase", ["Confirmation"] = "another long passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.Client.GetAsync("/admin")).StatusCode);
        Assert.StartsWith("/login", AdminSession.Target(await otherSession.Client.GetAsync("/admin")), StringComparison.Ordinal);

        // Removing the user's role ends their admin access at once.
        var writerId = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().Users.Where(u => u.UserName == "writer").Select(u => u.Id).SingleAsync());
        var edit = await admin.PageAsync($"/admin/users/{writerId}");
        var noRoles = AdminSession.FormValues(edit.QuerySelector("form.editor")!);
        noRoles.RemoveAll(v => v.Key == "Roles");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync($"/admin/users/{writerId}", new FormUrlEncodedContent(noRoles))).StatusCode);
        Assert.StartsWith("/admin/denied", AdminSession.Target(await writer.Client.GetAsync("/admin")), StringComparison.Ordinal);

        var audit = (await admin.PageAsync("/admin/audit?category=Users")).Body!.TextContent + (await admin.PageAsync("/admin/audit?category=Roles")).Body!.TextContent;
        Assert.Contains("Create", audit, StringComparison.Ordinal);
        Assert.Contains("roles Author ->", audit, StringComparison.Ordinal);
        Assert.Contains("ViewAuditTrail", audit, StringComparison.Ordinal);
        var account = (await admin.PageAsync("/admin/audit?category=Account")).Body!.TextContent;
        Assert.Contains("PasswordChanged", account, StringComparison.Ordinal);
        Assert.Contains("SignIn", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_given_or_taken_away_applies_on_the_next_request_and_an_unchanged_user_keeps_its_cookie()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        await AdminSession.CreateUserAsync(site, "writer", "a long enough passphrase", SiteRoles.Author);
        var writer = await AdminSession.SignInAsync(site, "writer", "a long enough passphrase");
        static bool RenewsSignIn(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        // Nothing about the writer changed: the stamp is checked, the principal kept, no new sign-in cookie.
        for (var i = 0; i < 3; i++)
        {
            var page = await writer.Client.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.False(RenewsSignIn(page), "an unchanged user's request issued a new sign-in cookie");
        }

        Assert.StartsWith("/admin/denied", AdminSession.Target(await writer.Client.GetAsync("/admin/audit")), StringComparison.Ordinal);

        // Roles changed outside the writer's session (as another node or the command line would): the next request has them.
        Task ChangeRolesAsync(Func<UserManager<IdentityUser>, IdentityUser, Task<IdentityResult>> change) => site.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await change(users, (await users.FindByNameAsync("writer"))!)).Succeeded);
        });
        await ChangeRolesAsync((users, user) => users.AddToRoleAsync(user, SiteRoles.Administrator));
        var granted = await writer.Client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.True(RenewsSignIn(granted), "the rebuilt principal was not written back to the cookie");

        await ChangeRolesAsync((users, user) => users.RemoveFromRoleAsync(user, SiteRoles.Administrator));
        Assert.StartsWith("/admin/denied", AdminSession.Target(await writer.Client.GetAsync("/admin/audit")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_is_checked_from_its_bytes_served_with_long_cache_headers_and_never_by_traversal()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name, string type)
        {
            var content = new MultipartFormDataContent { { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "file", name);
            return await admin.Client.PostAsync("/admin/media", content);
        }

        var uploaded = await UploadAsync(png, "My Diagram.PNG", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var library = await admin.PageAsync("/admin/media");
        var url = library.QuerySelector(".media-grid img")!.GetAttribute("src")!;
        Assert.Matches("^/media/my-diagram-[0-9a-f]{10}\\.png$", url);
        var served = await site.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), served.Headers.CacheControl.MaxAge);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());

        var svg = await UploadAsync("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(), "innocent.png", "image/png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, svg.StatusCode);
        Assert.Contains("SVG is not accepted", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var huge = new byte[6 * 1024 * 1024];
        png.CopyTo(huge, 0);
        var tooBig = await UploadAsync(huge, "big.png", "image/png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("the limit here is 5 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await admin.PageAsync("/admin/media")).QuerySelectorAll(".media-grid li"));

        foreach (var path in new[] { "/media/..%2Fsite.json", "/media/%2E%2E%2F%2E%2E%2Fsite.json", "/media/site.json", "/media/../site.json", "/media/x-0123456789.svg" })
            Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync(path)).StatusCode);

        var delete = library.QuerySelector("form[action='/admin/media/delete']")!;
        await admin.Client.PostAsync("/admin/media/delete", new FormUrlEncodedContent(AdminSession.FormValues(delete)));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync(url)).StatusCode);
        Assert.Contains("Upload", (await admin.PageAsync("/admin/audit?category=Media")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_upload_shows_a_dry_run_then_applies_and_export_downloads_the_site()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);

        var export = await admin.Client.GetAsync("/admin/recipes/export");
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".recipe.json", export.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        Assert.Contains(exported["steps"]!.AsArray(), s => (string?)s!["name"] == "Content");

        async Task<HttpResponseMessage> DryRunAsync(string json)
        {
            var content = new MultipartFormDataContent { { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" } };
            content.Add(new StringContent(json), "file", "upload.recipe.json");
            return await admin.Client.PostAsync("/admin/recipes/dry-run", content);
        }

        var broken = await DryRunAsync("""{ "name": "bad", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "x1", "ContentType": "Principle", "TitlePart": { "Title": "No statement" } } ] } ] }""");
        var brokenPage = await SiteFactory.ParseAsync(broken);
        Assert.Contains("Statement", brokenPage.QuerySelector(".report table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 (Content)", brokenPage.QuerySelector(".report table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("data[0]", brokenPage.QuerySelector(".report code")!.TextContent, StringComparison.Ordinal);
        Assert.Null(brokenPage.QuerySelector("form[action='/admin/recipes/apply']"));

        var good = await DryRunAsync("""{ "name": "one more", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "dryrun0000000000000000001", "ContentType": "Principle", "Published": true, "Latest": true, "TitlePart": { "Title": "Imported through the admin" }, "Principle": { "Statement": { "Text": "It came from an upload." }, "Order": { "Value": 90 } } } ] } ] }""");
        var goodPage = await SiteFactory.ParseAsync(good);
        Assert.Contains("1 created", goodPage.QuerySelector(".report")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported through the admin", await site.Browser().GetStringAsync("/"), StringComparison.Ordinal);
        var applied = await admin.SubmitAsync(goodPage, "form[action='/admin/recipes/apply']");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("Imported through the admin", await site.Browser().GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.SubmitAsync(goodPage, "form[action='/admin/recipes/apply']")).StatusCode);
        Assert.Contains("one more", (await admin.PageAsync("/admin/audit?category=Recipes")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task The_audit_trail_cannot_be_changed_or_deleted_even_with_sql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        await AdminSession.SignInAsync(site);
        await site.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SysRiftDbContext>();
            Assert.True(await db.AuditEntries.CountAsync() >= 2);
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"User\" = 'someone else'"));
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.User).ToListAsync(), u => u == "someone else");
        });
    }
}
