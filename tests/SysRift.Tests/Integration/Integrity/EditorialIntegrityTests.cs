using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Contents.Publishing;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Tests.Integration.Integrity;

/// <summary>Editorial promises that once broke: schedules, reordering, paths, settings, sign-in targets.</summary>
public sealed class EditorialIntegrityTests
{
    [Fact]
    public async Task A_schedule_publishes_the_version_the_editor_scheduled_not_a_later_draft()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        await AdminSession.CreateUserAsync(site, "author", SiteFactory.AdminPassword, SiteRoles.Author);

        // The author writes a draft; the editor reviews it and schedules it.
        var author = await AdminSession.SignInAsync(site, "author");
        var created = await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var item = (await manager.GetAsync("article04"))!.Clone();
            (item.ContentItemId, item.ContentItemVersionId, item.Owner, item.PublishedUtc) = ("", "", "author", null);
            item.Part("TitlePart")!["Title"] = "Reviewed title";
            item.Part("AutoroutePart")!["Path"] = "articles/reviewed";
            return await manager.SaveAsync(item, publish: false, expectedRevision: null, user: "author");
        });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var id = created.Item!.ContentItemId;

        var editor = await AdminSession.SignInAsync(site);
        var page = await editor.PageAsync($"/admin/content/item/{id}");
        var scheduled = await editor.SubmitAsync(page, "form.editor", new Dictionary<string, string> { ["PublishAt"] = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) }, "schedule");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        // Then the author saves unreviewed text through the editor.
        var authorPage = await author.PageAsync($"/admin/content/item/{id}");
        var saved = await author.SubmitAsync(authorPage, "form.editor", new Dictionary<string, string> { ["TitlePart.Title"] = "Unreviewed title" }, "draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The editor sees which version the schedule will publish.
        var note = (await editor.PageAsync($"/admin/content/item/{id}")).QuerySelector(".schedule-note")?.TextContent ?? "";
        Assert.Contains("stays a draft", note, StringComparison.Ordinal);

        // The time comes.
        await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ScheduledPublications.Where(x => x.ContentItemId == id)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.PublishAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal(1, await site.InScopeAsync(s => s.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None)));

        var live = await site.Browser().GetStringAsync("/articles/reviewed");
        Assert.Contains("Reviewed title", live, StringComparison.Ordinal);
        Assert.DoesNotContain("Unreviewed title", live, StringComparison.Ordinal);
        var (record, latest) = await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            return ((await manager.GetRecordAsync(id))!, (await manager.GetAsync(id))!);
        });
        Assert.Equal(ContentStatus.PublishedWithDraft, record.Status);
        Assert.Equal("Unreviewed title", latest.DisplayText);
    }

    [Fact]
    public async Task A_reorder_that_fails_half_way_changes_no_order_at_all()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        async Task<Dictionary<string, double?>> Orders() => await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions
            .Where(v => v.ContentType == "Principle" && v.Latest).ToDictionaryAsync(v => v.ContentItemId, v => v.SortOrder));
        var before = await Orders();
        var first = before.OrderBy(p => p.Value).First().Key;

        // The first principle's latest version no longer validates (its required title is gone), so its
        // renumbering fails after its neighbour's has already been saved.
        await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"ContentVersions\" SET \"Data\" = replace(\"Data\", '\"Title\":', '\"Untitled\":') WHERE \"ContentItemId\" = {first} AND \"Latest\""));

        var admin = await AdminSession.SignInAsync(site);
        var moved = await admin.PostAsync($"/admin/content/Principle/{first}/move", [new("direction", "down")]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(before, await Orders());
    }

    [Fact]
    public async Task A_path_with_a_dot_is_served()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var result = await site.EditAsync("article04", item => item.Part("AutoroutePart")!["Path"] = "articles/v1.2");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var response = await site.Browser().GetAsync("/articles/v1.2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Saving_the_settings_page_unchanged_on_a_fresh_site_saves()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);
        var page = await admin.PageAsync("/admin/settings");
        var saved = await admin.SubmitAsync(page, "form.editor");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task A_return_address_outside_ascii_signs_in_and_redirects_there()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var response = await AdminAccessTests.SignInAsync(site.Browser(), SiteFactory.AdminUserName, SiteFactory.AdminPassword, "/admin/content?q=café");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/content?q=caf%C3%A9", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/error?status=1000", HttpStatusCode.NotFound)]
    [InlineData("/error?status=200", HttpStatusCode.NotFound)]
    [InlineData("/error?status=-5", HttpStatusCode.NotFound)]
    [InlineData("/error?status=503", HttpStatusCode.ServiceUnavailable)]
    public async Task The_error_page_answers_only_error_statuses(string path, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        Assert.Equal(expected, (await site.Browser().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Static_theme_files_carry_the_security_headers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var response = await site.Browser().GetAsync("/_content/SysRift.Theme/css/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/admin/media")]
    [InlineData("/admin/media/")]
    public async Task An_oversized_upload_is_refused_with_413_on_either_spelling_of_the_path(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);
        var token = await admin.TokenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[6 * 1024 * 1024]), "file", "big.png" },
        };
        var response = await admin.Client.PostAsync(path, form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Abandoned_dry_run_uploads_are_removed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var folder = Path.Combine(database.DataPath, "recipe-uploads");
        Directory.CreateDirectory(folder);
        var abandoned = Path.Combine(folder, new string('a', 32) + ".json");
        await File.WriteAllTextAsync(abandoned, "{}");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-3));

        var admin = await AdminSession.SignInAsync(site);
        var token = await admin.TokenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("{ \"name\": \"x\", \"steps\": [] }"), "file", "x.recipe.json" },
        };
        var response = await admin.Client.PostAsync("/admin/recipes/dry-run", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(abandoned));
        Assert.Single(Directory.GetFiles(folder));
    }
}
