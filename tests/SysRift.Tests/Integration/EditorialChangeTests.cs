using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json.Nodes;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>No copy lives in the theme: changing any item of any type changes what visitors read.</summary>
public sealed class EditorialChangeTests
{
    public static TheoryData<string, string, string, string> Items => new()
    {
        // item id, part.field ("TitlePart.Title" or "Part.Field"), page that shows it
        { "homepage", "HomePage.Headline", "/", "text" },
        { "now02", "NowItem.Description", "/", "text" },
        { "principle03", "TitlePart.Title", "/", "title" },
        { "model04", "MentalModel.Tagline", "/", "text" },
        { "timeline05", "TimelineEntry.Body", "/", "text" },
        { "exploration02", "ExplorationArea.Topics", "/", "values" },
        { "aboutpage", "AboutPage.Headline", "/about", "text" },
        { "work03", "SelectedWork.Description", "/about", "text" },
        { "skills05", "SkillGroup.Items", "/about", "values" },
        { "experience02", "Experience.Summary", "/about", "markdown" },
        { "knowledgebase", "KnowledgeBase.FlagshipIntro", "/articles", "text" },
        { "article04", "Article.TlDr", "/articles/common-api-security-mistakes", "text" },
    };

    [Theory, MemberData(nameof(Items))]
    public async Task Publishing_a_change_to_any_type_changes_its_page(string id, string field, string path, string kind)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();
        var marker = $"Edited {id} {Guid.NewGuid():N}"[..32];
        Assert.DoesNotContain(marker, await client.GetStringAsync(path), StringComparison.Ordinal);

        var result = await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var item = (await manager.GetAsync(id))!;
            var revision = (await manager.GetRecordAsync(id))!.Revision;
            var (part, name) = (field.Split('.')[0], field.Split('.')[1]);
            item.GetOrCreatePart(part)[name] = kind switch
            {
                "title" => marker,
                "values" => new JsonObject { ["Values"] = new JsonArray(marker) },
                "markdown" => new JsonObject { ["Markdown"] = marker },
                _ => new JsonObject { ["Text"] = marker },
            };
            return await manager.SaveAsync(item, publish: true, expectedRevision: revision, user: "editor");
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));

        Assert.Contains(marker, await client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_now_item_on_the_shelf_is_one_item_and_one_edit_changes_both_sections()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();
        var home = await SiteFactory.ParseAsync(await client.GetAsync("/"));
        // The seeds' shelf is two of the Now items, not copies of them.
        Assert.Equal(["SysRift and fault-oriented systems tooling", "Designing Data-Intensive Applications"],
            home.QuerySelectorAll(".shelf .shelf__title").Select(t => t.TextContent.Trim()));
        Assert.Equal(0, await site.InScopeAsync(s => s.GetRequiredService<SysRift.Core.Data.SysRiftDbContext>().ContentItems.CountAsync(i => i.ContentType == "ShelfItem")));

        Assert.True((await site.EditAsync("now02", item => item.GetOrCreatePart("NowItem")["Description"] = new JsonObject { ["Text"] = "Rereading the chapter on replication." })).Succeeded);
        home = await SiteFactory.ParseAsync(await client.GetAsync("/"));
        Assert.Contains("Rereading the chapter on replication.", home.QuerySelector(".cards--now")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rereading the chapter on replication.", home.QuerySelector(".shelf")!.TextContent, StringComparison.Ordinal);

        // Unticked, it leaves the shelf and stays in Now; a shelf item of its own (a book) still shows, with its link.
        Assert.True((await site.EditAsync("now02", item => item.GetOrCreatePart("NowItem")["OnShelf"] = new JsonObject { ["Value"] = false })).Succeeded);
        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var book = await manager.NewAsync("ShelfItem");
            book.Part("TitlePart")!["Title"] = "The Mythical Man-Month";
            book.GetOrCreatePart("ShelfItem")["Label"] = new JsonObject { ["Text"] = "On the shelf" };
            book.GetOrCreatePart("ShelfItem")["Order"] = new JsonObject { ["Value"] = 1 };
            book.GetOrCreatePart("ShelfItem")["Link"] = new JsonObject { ["Url"] = "https://example.com/book", ["Text"] = "" };
            Assert.True((await manager.SaveAsync(book, publish: true, expectedRevision: null, user: "editor")).Succeeded);
        });
        home = await SiteFactory.ParseAsync(await client.GetAsync("/"));
        Assert.Equal(["SysRift and fault-oriented systems tooling", "The Mythical Man-Month"], home.QuerySelectorAll(".shelf .shelf__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("https://example.com/book", home.QuerySelector(".shelf a")!.GetAttribute("href"));
        Assert.Contains("Rereading the chapter on replication.", home.QuerySelector(".cards--now")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordering_principles_reorders_the_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            foreach (var (id, order) in new[] { ("principle06", 1), ("principle01", 6) })
            {
                var item = (await manager.GetAsync(id))!;
                item.GetOrCreatePart("Principle")["Order"] = new JsonObject { ["Value"] = order };
                Assert.True((await manager.SaveAsync(item, true, null, "editor")).Succeeded);
            }
        });

        var page = await SiteFactory.ParseAsync(await site.Browser().GetAsync("/"));
        var titles = page.QuerySelectorAll(".numbered__item h3").Select(h => h.TextContent).ToList();
        Assert.Equal("Design For The Operator", titles[0]);
        Assert.Equal("Build Before Consuming", titles[5]);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Drafts_never_reach_visitors_anywhere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();
        const string secret = "Zanzibarquokka";
        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var draft = await manager.NewAsync("Article");
            draft.GetOrCreatePart("TitlePart")["Title"] = $"Unreleased {secret}";
            draft.GetOrCreatePart("Article")["Summary"] = new JsonObject { ["Text"] = $"About {secret}." };
            draft.GetOrCreatePart("Article")["TlDr"] = new JsonObject { ["Text"] = secret };
            draft.GetOrCreatePart("Article")["Tags"] = new JsonObject { ["Values"] = new JsonArray("secret-tag") };
            Assert.True((await manager.SaveAsync(draft, publish: false, null, "editor")).Succeeded);

            var published = (await manager.GetAsync("article01"))!;
            published.GetOrCreatePart("Article")["TlDr"] = new JsonObject { ["Text"] = $"Draft takeaway {secret}" };
            Assert.True((await manager.SaveAsync(published, publish: false, null, "editor")).Succeeded);
        });

        foreach (var path in new[] { "/", "/articles", "/articles?tag=secret-tag", "/articles/from-request-to-completion", "/feed.xml", "/sitemap.xml" })
            Assert.DoesNotContain(secret, await client.GetStringAsync(path), StringComparison.Ordinal);
        var search = await SiteFactory.ParseAsync(await client.GetAsync($"/search?q={secret}"));
        Assert.Empty(search.QuerySelectorAll(".search-results li"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/unreleased-{secret.ToLowerInvariant()}")).StatusCode);

        // Publishing makes it visible everywhere at once (caches are dropped on commit).
        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            Assert.True((await manager.TransitionAsync("article01", ContentAction.Publish, null, "editor")).Succeeded);
        });
        Assert.Contains($"Draft takeaway {secret}", await client.GetStringAsync("/articles/from-request-to-completion"), StringComparison.Ordinal);
        var found = await SiteFactory.ParseAsync(await client.GetAsync($"/search?q={secret}"));
        Assert.Single(found.QuerySelectorAll(".search-results li"));
    }
}
