using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Tests.Integration;

/// <summary>
/// Issue 16: every word a visitor reads comes from content or settings. The theme's own words are a labels
/// document edited in the admin; the home page's status line has one place, the Home page item.
/// </summary>
public sealed class SiteWordsTests
{
    [Fact]
    public async Task An_owner_renames_the_articles_everywhere_from_the_labels_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var visitor = site.Browser();
        const string ArticlePath = "/articles/why-distributed-systems-fail";
        var before = await SiteFactory.ParseAsync(await visitor.GetAsync(ArticlePath));
        Assert.Equal("Articles", before.QuerySelector(".kicker a")!.TextContent);
        Assert.NotNull(before.QuerySelector(".page-toc"));

        var page = await admin.PageAsync("/admin/settings/labels");
        // Every label is on the form, with its default as the placeholder.
        Assert.Equal(SiteLabels.All.Count, page.QuerySelectorAll("form.editor input[name^='labels[']").Length);
        Assert.Equal("Read the articles", page.QuerySelector("#l-ReadArticles")!.GetAttribute("placeholder"));

        var refused = await admin.SubmitAsync(page, "form.editor", new Dictionary<string, string> { ["labels[ReadArticlesUrl]"] = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await SiteFactory.ParseAsync(refused)).QuerySelector(".field--invalid #l-ReadArticlesUrl"));

        var saved = await admin.SubmitAsync(page, "form.editor", new Dictionary<string, string>
        {
            ["labels[Articles]"] = "Writing", ["labels[ReadArticles]"] = "Read the writing", ["labels[ReadArticlesUrl]"] = "/writing-index",
            ["labels[Related]"] = "See also", ["labels[MinRead]"] = "{minutes}-minute read", ["labels[OnThisPage]"] = "Contents",
            ["labels[SkipToContent]"] = "Jump to the text", ["labels[DarkMode]"] = "Night", ["labels[LightMode]"] = "Day",
            ["labels[NotFound]"] = "Nothing here", ["labels[NotFoundText]"] = "This address holds nothing.", ["labels[All]"] = "Everything",
            ["labels[SearchSite]"] = "Find something", ["labels[Feed]"] = "Subscribe",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var article = await SiteFactory.ParseAsync(await visitor.GetAsync(ArticlePath));
        Assert.Equal("Writing", article.QuerySelector(".kicker a")!.TextContent);
        Assert.Equal("/writing-index", article.QuerySelector(".kicker a")!.GetAttribute("href"));
        Assert.Matches(@"\d+-minute read", article.QuerySelector(".article__meta")!.TextContent);
        Assert.Equal("Contents", article.QuerySelector(".page-toc__title")!.TextContent);
        Assert.Equal("Jump to the text", article.QuerySelector(".skip-link")!.TextContent);
        Assert.Equal("Find something", article.QuerySelector("#site-search-q")!.GetAttribute("placeholder"));
        Assert.Equal(("Night", "Day"), (article.QuerySelector(".theme-toggle")!.GetAttribute("data-dark"), article.QuerySelector(".theme-toggle")!.GetAttribute("data-light")));
        Assert.Contains("Subscribe", article.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        if (article.QuerySelector("#related") is { } related) Assert.Equal("See also", related.TextContent);

        var home = await SiteFactory.ParseAsync(await visitor.GetAsync("/"));
        var button = home.QuerySelector("#writing ~ .section__body .button-link, section[aria-labelledby=writing] .button-link")!;
        Assert.Equal(("Read the writing", "/writing-index"), (button.TextContent, button.GetAttribute("href")));
        Assert.Equal("Everything", (await SiteFactory.ParseAsync(await visitor.GetAsync("/articles"))).QuerySelector(".filters a")!.TextContent);
        var missing = await visitor.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await SiteFactory.ParseAsync(missing);
        Assert.Equal("Nothing here", notFound.QuerySelector("h1")!.TextContent);
        Assert.Contains("This address holds nothing.", notFound.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Emptied, a label is its default again; only changed labels are stored.
        var again = await admin.PageAsync("/admin/settings/labels");
        Assert.Equal("Writing", again.QuerySelector("#l-Articles")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(again, "form.editor", new Dictionary<string, string> { ["labels[Articles]"] = "", ["labels[Related]"] = "Related" })).StatusCode);
        Assert.Equal("Articles", (await SiteFactory.ParseAsync(await visitor.GetAsync(ArticlePath))).QuerySelector(".kicker a")!.TextContent);
        var stored = await site.InScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<SiteLabels>(SiteSettings.NamedSettingsPrefix + SiteLabels.Key));
        Assert.False(stored!.Values.ContainsKey("Articles"));
        Assert.False(stored.Values.ContainsKey("Related"));
        Assert.Equal("Writing", stored.Values.GetValueOrDefault("Articles", "Writing"));

        var audit = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().AuditEntries.Where(a => a.Action == "UpdateLabels").Select(a => a.Details).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains("Articles: Writing", audit[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_editors_saving_the_labels_at_once_get_a_conflict_not_an_overwrite()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var first = await AdminSession.SignInAsync(site);
        var second = await AdminSession.SignInAsync(site);
        var firstPage = await first.PageAsync("/admin/settings/labels");
        var secondPage = await second.PageAsync("/admin/settings/labels");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, "form.editor", new Dictionary<string, string> { ["labels[Related]"] = "See also" })).StatusCode);
        var conflict = await second.SubmitAsync(secondPage, "form.editor", new Dictionary<string, string> { ["labels[Next]"] = "Onward" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict.StatusCode);
        Assert.Contains("Someone else changed the labels", (await SiteFactory.ParseAsync(conflict)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var stored = await site.InScopeAsync(s => s.GetRequiredService<DocumentStore>().GetAsync<SiteLabels>(SiteSettings.NamedSettingsPrefix + SiteLabels.Key));
        Assert.Equal("See also", stored!["Related"]);
        Assert.Equal("Next", stored["Next"]);
    }

    [Fact]
    public async Task The_status_line_has_one_place_the_home_page_item()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var settings = await admin.PageAsync("/admin/settings");
        Assert.Null(settings.QuerySelector("[name=StatusLine]"));
        Assert.Null(settings.QuerySelector("#legacy-status"));

        await site.EditAsync("homepage", item => item.GetOrCreatePart("HomePage")["Status"] = new JsonObject { ["Text"] = "Heads down on a rewrite" });
        var visitor = site.Browser();
        Assert.Equal("Heads down on a rewrite", (await SiteFactory.ParseAsync(await visitor.GetAsync("/"))).QuerySelector(".status")!.TextContent.Trim());

        // A site that kept a status line in its settings (before it had one place): it no longer hides the item's,
        // and the settings page shows it so it is not lost.
        await site.InScopeAsync(async s =>
        {
            var documents = s.GetRequiredService<DocumentStore>();
            var name = SiteSettings.NamedSettingsPrefix + ThemeSettings.Key;
            var theme = JsonNode.Parse(await documents.GetRawAsync(name) ?? "{}")!.AsObject();
            theme["StatusLine"] = "An old status from the settings";
            await documents.SaveRawAsync(name, theme.ToJsonString(), ChangeTopics.Site);
        });
        Assert.Equal("Heads down on a rewrite", (await SiteFactory.ParseAsync(await visitor.GetAsync("/"))).QuerySelector(".status")!.TextContent.Trim());
        Assert.Contains("An old status from the settings", (await admin.PageAsync("/admin/settings")).QuerySelector("#legacy-status")!.TextContent, StringComparison.Ordinal);
        // Saving the settings keeps it (nothing is dropped unseen).
        var page = await admin.PageAsync("/admin/settings");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form.editor")).StatusCode);
        Assert.NotNull((await admin.PageAsync("/admin/settings")).QuerySelector("#legacy-status"));
    }
}
