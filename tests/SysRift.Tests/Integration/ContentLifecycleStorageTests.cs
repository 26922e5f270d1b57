using System.Net;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>The lifecycle on real databases, seen through the public site.</summary>
public sealed class ContentLifecycleStorageTests
{
    private static async Task<ContentItem> NewArticleAsync(ContentManager content, string title, string summary)
    {
        var item = await content.NewAsync("Article");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreatePart("Article")["Summary"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = summary };
        item.GetOrCreatePart("Article")["TlDr"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Takeaway." };
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "## Body\n\nSome *text*.";
        return item;
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Drafts_stay_hidden_until_published_and_every_version_is_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        var client = site.Browser();

        var created = await site.InScopeAsync(async s => await s.GetRequiredService<ContentManager>().SaveAsync(
            await NewArticleAsync(s.GetRequiredService<ContentManager>(), "Queues Hide Time", "First summary."), publish: false, expectedRevision: null, user: "ada"));
        Assert.True(created.Succeeded);
        Assert.Equal(ContentStatus.Draft, created.Status);
        Assert.Equal("articles/queues-hide-time", created.Item!.Path);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/queues-hide-time")).StatusCode);

        var id = created.Item.ContentItemId;
        var published = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().TransitionAsync(id, ContentAction.Publish, created.Revision, "ada"));
        Assert.Equal(ContentStatus.Published, published.Status);
        var page = await client.GetStringAsync("/articles/queues-hide-time");
        Assert.Contains("First summary.", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"body\">Body</h2>", page, StringComparison.Ordinal);

        // A draft over the published version: visitors still get the published one.
        var draft = await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var latest = (await manager.GetAsync(id))!;
            latest.GetOrCreatePart("Article")["Summary"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Second summary." };
            return await manager.SaveAsync(latest, publish: false, expectedRevision: published.Revision, user: "ada");
        });
        Assert.Equal(ContentStatus.PublishedWithDraft, draft.Status);
        Assert.Contains("First summary.", await client.GetStringAsync("/articles/queues-hide-time"), StringComparison.Ordinal);

        var republished = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().TransitionAsync(id, ContentAction.Publish, draft.Revision, "ada"));
        Assert.Equal(ContentStatus.Published, republished.Status);
        Assert.Contains("Second summary.", await client.GetStringAsync("/articles/queues-hide-time"), StringComparison.Ordinal);

        var unpublished = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().TransitionAsync(id, ContentAction.Unpublish, null, "ada"));
        Assert.Equal(ContentStatus.Unpublished, unpublished.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/queues-hide-time")).StatusCode);

        var deleted = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().TransitionAsync(id, ContentAction.Delete, null, "ada"));
        Assert.Equal(ContentStatus.Deleted, deleted.Status);
        var illegal = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().TransitionAsync(id, ContentAction.Publish, null, "ada"));
        Assert.False(illegal.Succeeded);
        Assert.Contains("trash", illegal.Errors[0].Message, StringComparison.Ordinal);

        var restored = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().TransitionAsync(id, ContentAction.Restore, null, "ada"));
        Assert.Equal(ContentStatus.Draft, restored.Status);
        Assert.Equal("Second summary.", restored.Item!.Text("Article", "Summary"));

        await site.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SysRiftDbContext>();
            Assert.Equal(2, await db.ContentVersions.CountAsync(v => v.ContentItemId == id));
            Assert.Equal(1, await db.ContentVersions.CountAsync(v => v.ContentItemId == id && v.Latest));
            Assert.Equal(0, await db.ContentVersions.CountAsync(v => v.ContentItemId == id && v.Published));
        });
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_stale_editor_is_told_about_the_conflict_and_nothing_is_overwritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        var first = await site.InScopeAsync(async s => await s.GetRequiredService<ContentManager>().SaveAsync(
            await NewArticleAsync(s.GetRequiredService<ContentManager>(), "Conflict", "Original."), publish: true, expectedRevision: null, user: "ada"));
        var id = first.Item!.ContentItemId;

        async Task<ContentResult> EditAsync(string summary, string user) => await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var item = (await manager.GetAsync(id))!;
            item.GetOrCreatePart("Article")["Summary"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = summary };
            return await manager.SaveAsync(item, publish: true, expectedRevision: first.Revision, user: user);
        });

        var winner = await EditAsync("Alice's edit.", "alice");
        var loser = await EditAsync("Bob's edit.", "bob");

        Assert.True(winner.Succeeded);
        Assert.True(loser.Conflict);
        Assert.Equal(winner.Revision, loser.Revision);
        var stored = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Published));
        Assert.Equal("Alice's edit.", stored!.Text("Article", "Summary"));
    }

    [Fact]
    public async Task Invalid_content_and_taken_paths_are_refused_with_field_paths()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            Assert.True((await manager.SaveAsync(await NewArticleAsync(manager, "Same Title", "One."), true, null, "ada")).Succeeded);

            var duplicate = await manager.SaveAsync(await NewArticleAsync(manager, "Same Title", "Two."), true, null, "ada");
            Assert.Contains(duplicate.Errors, e => e.Path == "AutoroutePart.Path");

            var empty = await manager.NewAsync("Principle");
            var invalid = await manager.SaveAsync(empty, false, null, "ada");
            Assert.Equal(["TitlePart.Title", "Principle.Statement.Text", "Principle.Order.Value"], invalid.Errors.Select(e => e.Path));
            Assert.Null(await manager.GetAsync(empty.ContentItemId));
        });
    }
}
