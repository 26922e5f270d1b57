using System.Net;
using AngleSharp.Html.Dom;
using SysRift.Contents.Definitions;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;

namespace SysRift.Tests.Integration;

/// <summary>
/// Orchard's Menu (LinkMenuItem, HtmlMenuItem, submenus) as the site's navigation, and its Taxonomy with
/// TaxonomyField tags and term pages, from a recipe of our own in Orchard's format. Orchard defines these types
/// in code; SysRift defines them as its features do.
/// </summary>
public sealed class OrchardMenusAndTaxonomiesTests
{
    private const string Recipe = """
        { "name": "menus-and-taxonomies", "steps": [
          { "name": "Feature", "enable": [ "OrchardCore.Menu", "OrchardCore.Taxonomies" ] },
          { "name": "ContentDefinition",
            "ContentTypes": [
              { "Name": "Tag", "DisplayName": "Tag", "Settings": {}, "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] },
              { "Name": "BlogPost", "DisplayName": "Blog Post", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "blog/{{ ContentItem | display_text | slugify }}" } } }, { "PartName": "BlogPost", "Name": "BlogPost" } ] } ],
            "ContentParts": [ { "Name": "BlogPost", "ContentPartFieldDefinitionRecords": [
              { "FieldName": "TaxonomyField", "Name": "Tags", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Tags", "Editor": "Tags" }, "TaxonomyFieldSettings": { "TaxonomyContentItemId": "tags00000000000000000000001" } } } ] } ] },
          { "name": "content", "data": [
            { "ContentItemId": "menu0000000000000000000001", "ContentType": "Menu", "DisplayText": "Main Menu", "Latest": true, "Published": true,
              "MenuPart": {}, "TitlePart": { "Title": "Main Menu" }, "AliasPart": { "Alias": "main-menu" },
              "MenuItemsListPart": { "MenuItems": [
                { "ContentType": "LinkMenuItem", "ContentItemId": "[js: uuid()]", "DisplayText": "Home", "LinkMenuItemPart": { "Url": "~/" } },
                { "ContentType": "LinkMenuItem", "ContentItemId": "[js: uuid()]", "LinkMenuItemPart": { "Name": "Topics", "Url": "~/tags" },
                  "MenuItemsListPart": { "MenuItems": [ { "ContentType": "LinkMenuItem", "ContentItemId": "[js: uuid()]", "DisplayText": "Queues", "LinkMenuItemPart": { "Url": "~/tags/queues" } } ] } },
                { "ContentType": "HtmlMenuItem", "ContentItemId": "[js: uuid()]", "DisplayText": "Feed", "HtmlMenuItemPart": { "Url": "/feed.xml", "Html": "<img src=x onerror=alert(1)><strong>Feed</strong>" } } ] } },
            { "ContentItemId": "tags00000000000000000000001", "ContentType": "Taxonomy", "DisplayText": "Tags", "Latest": true, "Published": true,
              "TitlePart": { "Title": "Tags" }, "AliasPart": { "Alias": "tags" }, "AutoroutePart": { "Path": "tags" },
              "TaxonomyPart": { "TermContentType": "Tag", "Terms": [
                { "ContentItemId": "tagqueues", "ContentType": "Tag", "DisplayText": "Queues", "TitlePart": { "Title": "Queues" }, "TermPart": { "TaxonomyContentItemId": "tags00000000000000000000001" } },
                { "ContentItemId": "tagcaches", "ContentType": "Tag", "DisplayText": "Caches", "TitlePart": { "Title": "Caches" }, "TermPart": { "TaxonomyContentItemId": "tags00000000000000000000001" } } ] } },
            { "ContentItemId": "post1", "ContentType": "BlogPost", "Latest": true, "Published": true, "PublishedUtc": "2024-01-01T00:00:00Z", "TitlePart": { "Title": "Backpressure" },
              "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags00000000000000000000001", "TermContentItemIds": [ "tagqueues" ], "TagNames": [ "Queues" ] } } },
            { "ContentItemId": "post2", "ContentType": "BlogPost", "Latest": true, "Published": true, "PublishedUtc": "2024-02-01T00:00:00Z", "TitlePart": { "Title": "Eviction" },
              "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags00000000000000000000001", "TermContentItemIds": [ "tagcaches" ], "TagNames": [ "Caches" ] } } },
            { "ContentItemId": "post3", "ContentType": "BlogPost", "Latest": true, "Published": true, "PublishedUtc": "2024-03-01T00:00:00Z", "TitlePart": { "Title": "Both at once" },
              "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags00000000000000000000001", "TermContentItemIds": [ "tagqueues", "tagcaches" ] } } } ] } ] }
        """;

    [Fact]
    public async Task A_menu_is_the_navigation_and_terms_have_pages_of_what_they_tag()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Recipe, new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());
        Assert.Empty(report.Unsupported);
        var definitions = await site.InScopeAsync(s => s.GetRequiredService<ContentDefinitionService>().GetAsync());
        Assert.All(new[] { "Menu", "LinkMenuItem", "HtmlMenuItem", "Taxonomy" }, name => Assert.NotNull(definitions.Type(name)));

        // The menu is the header's navigation: entries in order, the submenu under its entry, HTML made safe.
        var home = await Page(site, "/");
        var nav = home.QuerySelector(".site-nav > ul")!;
        Assert.Equal(["/", "/tags", "/feed.xml"], nav.Children.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(["Home", "Topics", "Feed"], nav.Children.Select(li => li.QuerySelector("a")!.TextContent.Trim()));
        Assert.Equal("/tags/queues", nav.QuerySelector(".submenu a")!.GetAttribute("href"));
        Assert.NotNull(nav.QuerySelector("a[href='/feed.xml'] strong"));
        Assert.DoesNotContain("onerror", nav.InnerHtml, StringComparison.OrdinalIgnoreCase);

        // A term's page lists what it tags, newest first; the taxonomy's page lists its terms; a post links its tags.
        Assert.Equal(["Both at once", "Backpressure"], Titles(await Page(site, "/tags/queues")));
        Assert.Equal(["Both at once", "Eviction"], Titles(await Page(site, "/tags/caches")));
        Assert.Equal(["/tags/queues", "/tags/caches"], (await Page(site, "/tags")).QuerySelectorAll(".taxonomy-terms a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Queues", "Caches"], (await Page(site, "/blog/both-at-once")).QuerySelectorAll("a[rel=tag]").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/tags/nothing")).StatusCode);

        // Tags are edited in the admin: a checkbox per term of the field's taxonomy.
        var admin = await AdminSession.SignInAsync(site);
        var editor = await admin.PageAsync("/admin/content/item/post2");
        Assert.Equal(["tagqueues", "tagcaches"], editor.QuerySelectorAll("input[type=checkbox][name='BlogPost.Tags']").Select(i => i.GetAttribute("value")));
        var form = editor.QuerySelector("form.editor")!;
        var values = AdminSession.FormValues(form, submit: "publish");
        values.Add(new("BlogPost.Tags", "tagqueues"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values))).StatusCode);
        Assert.Equal(["Both at once", "Eviction", "Backpressure"], Titles(await Page(site, "/tags/queues")));

        // The menu is edited like any item with nested items: a new link added in the admin is in the header.
        editor = await admin.PageAsync("/admin/content/item/menu0000000000000000000001");
        Assert.Equal(["HtmlMenuItem", "LinkMenuItem"], editor.QuerySelectorAll("select[name='MenuItemsListPart.AddType'] option").Select(o => o.GetAttribute("value")).Order());
        var added = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["MenuItemsListPart.AddType"] = "LinkMenuItem" }, "nested:MenuItemsListPart:add");
        editor = await SiteFactory.ParseAsync(added);
        var saved = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["MenuItemsListPart.3.LinkMenuItemPart.Name"] = "About", ["MenuItemsListPart.3.LinkMenuItemPart.Url"] = "/about" }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        home = await Page(site, "/");
        Assert.Equal("About", home.QuerySelector(".site-nav > ul > li:last-child a")!.TextContent.Trim());
        // The submenu, which no editor showed, is still there.
        Assert.Equal("/tags/queues", home.QuerySelector(".site-nav .submenu a")!.GetAttribute("href"));

        // The export carries the feature types and the items, so another site gets the same menu and terms.
        var export = await site.InScopeAsync(s => s.GetRequiredService<RecipeExporter>().ExportAsync());
        await using var other = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var second = new SiteFactory(other, recipe: "empty");
        Assert.True((await second.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(export.ToJsonString(), new RecipeOptions()))).Applied);
        Assert.Equal(["Both at once", "Eviction", "Backpressure"], Titles(await Page(second, "/tags/queues")));
        Assert.Equal(4, (await Page(second, "/")).QuerySelectorAll(".site-nav > ul > li").Length);
    }

    private static async Task<IHtmlDocument> Page(SiteFactory site, string path)
    {
        var response = await site.Browser().GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await SiteFactory.ParseAsync(response);
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".list-items > li").Select(li => (li.QuerySelector("h2, h3, a")?.TextContent ?? li.TextContent).Trim()).ToList();
}
