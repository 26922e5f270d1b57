using System.Net;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// Singleton types (the home page, About, the knowledge base) have one item whatever path is tried; a
/// generic Page type gives an editor a page at any free path; the generic view shows every field type.
/// </summary>
public sealed class SingletonsAndPagesTests
{
    [Fact]
    public async Task A_second_home_page_is_neither_offered_nor_accepted_by_any_path()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        int HomePages() => site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentItems.CountAsync(i => i.ContentType == "HomePage")).GetAwaiter().GetResult();

        // Not offered in the list; the new form leads to the one there is.
        var list = await admin.PageAsync("/admin/content/HomePage");
        Assert.Null(list.QuerySelector("a[href='/admin/content/HomePage/new']"));
        var newForm = await admin.Client.GetAsync("/admin/content/HomePage/new");
        Assert.Equal(HttpStatusCode.Redirect, newForm.StatusCode);
        Assert.StartsWith("/admin/content/item/homepage", AdminSession.Target(newForm), StringComparison.Ordinal);

        // Neither a forged create nor a clone makes a second one.
        var created = await admin.PostAsync("/admin/content/HomePage/new", [new("TitlePart.Title", "Second home"), new("AutoroutePart.Path", "second-home"), new("submit", "publish")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var cloned = await admin.PostAsync("/admin/content/item/homepage/clone");
        Assert.Equal(HttpStatusCode.Redirect, cloned.StatusCode);
        Assert.Equal(1, HomePages());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/second-home")).StatusCode);

        // Nor the content manager, whoever calls it.
        var direct = await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var copy = (await manager.GetAsync("homepage"))!.Clone();
            (copy.ContentItemId, copy.ContentItemVersionId) = ("", "");
            copy.Part("AutoroutePart")!["Path"] = "second-home";
            copy.Part("AutoroutePart")!["SetHomepage"] = false;
            return await manager.SaveAsync(copy, publish: true, expectedRevision: null, user: "editor");
        });
        Assert.False(direct.Succeeded);
        Assert.Contains(direct.Errors, e => e.Message.Contains("one Home page already", StringComparison.Ordinal));

        // Nor a recipe: the error names the item's id in the step.
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().DryRunAsync("""
            { "name": "second", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "home2", "ContentType": "HomePage", "TitlePart": { "Title": "Second" } } ] } ] }
            """, new RecipeOptions()));
        Assert.Contains(report.Errors, e => e.JsonPath == "$.steps[0].data[0].ContentItemId" && e.Message.Contains("singleton", StringComparison.Ordinal));
        Assert.Equal(1, HomePages());
    }

    [Fact]
    public async Task A_recipe_that_gives_a_singleton_type_an_item_in_each_of_two_steps_is_refused_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        const string recipe = """
            { "name": "colophons", "steps": [
              { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Colophon", "DisplayName": "Colophon",
                "Settings": { "ContentTypeSettings": { "Creatable": true, "Singleton": true } },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} } ] } ] },
              { "name": "Content", "data": [ { "ContentItemId": "colophon-a", "ContentType": "Colophon", "Published": true, "TitlePart": { "Title": "A" } } ] },
              { "name": "Content", "data": [ { "ContentItemId": "colophon-b", "ContentType": "Colophon", "Published": true, "TitlePart": { "Title": "B" } } ] } ] }
            """;

        // Each step alone has one item; together they give the type two. Validation alone and the import agree.
        var validated = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ValidateAsync(recipe, new RecipeOptions()));
        var imported = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(recipe, new RecipeOptions { User = "admin" }));

        foreach (var report in new[] { validated, imported })
        {
            var error = Assert.Single(report.Errors);
            Assert.Equal("$.steps[2].data[0].ContentItemId", error.JsonPath);
            Assert.Contains("singleton", error.Message, StringComparison.Ordinal);
            Assert.Contains("colophon-a", error.Message, StringComparison.Ordinal);
        }

        Assert.False(imported.Applied);
        Assert.Equal(0, await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentItems.CountAsync(i => i.ContentType == "Colophon")));
    }

    [Fact]
    public async Task An_editor_makes_a_page_at_a_free_path_and_links_it_from_the_navigation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);

        var form = await admin.PageAsync("/admin/content/Page/new");
        var published = await admin.SubmitAsync(form, "form.editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Uses",
            ["AutoroutePart.Path"] = "uses",
            ["Page.Summary"] = "The tools on my desk.",
            ["MarkdownBodyPart.Markdown"] = "## Editor\n\nA plain one.",
        }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var settings = await admin.PageAsync("/admin/settings");
        var links = settings.QuerySelectorAll("input[name^='Navigation['][name$='].Text']").Length;
        var saved = await admin.SubmitAsync(settings, "form.editor", new Dictionary<string, string> { [$"Navigation[{links}].Text"] = "Uses", [$"Navigation[{links}].Url"] = "/uses" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await SiteFactory.ParseAsync(await site.Browser().GetAsync("/uses"));
        Assert.Equal("Uses", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("The tools on my desk.", page.QuerySelector("main .lede")!.TextContent);
        Assert.Equal("Editor", page.QuerySelector("main .prose h2")!.TextContent);
        Assert.Equal("The tools on my desk.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("nav.site-nav a[href='/uses'][aria-current=page]"));
    }

    [Fact]
    public async Task The_generic_view_shows_every_field_type()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync("""
            { "name": "probe", "steps": [
              { "name": "ContentDefinition",
                "ContentTypes": [ { "Name": "Probe", "DisplayName": "Probe", "Settings": { "ContentTypeSettings": { "Creatable": true } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" }, { "PartName": "Probe", "Name": "Probe" } ] } ],
                "ContentParts": [ { "Name": "Probe", "ContentPartFieldDefinitionRecords": [
                  { "FieldName": "BooleanField", "Name": "Ready", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Ready", "Position": "0" } } },
                  { "FieldName": "DateField", "Name": "Day", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Day", "Position": "1" } } },
                  { "FieldName": "DateTimeField", "Name": "Moment", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Moment", "Position": "2" } } },
                  { "FieldName": "TimeField", "Name": "At", "Settings": { "ContentPartFieldSettings": { "DisplayName": "At", "Position": "3" } } },
                  { "FieldName": "LinkField", "Name": "Site", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Site", "Position": "4" } } },
                  { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Related", "Position": "5" } } } ] } ] },
              { "name": "Content", "data": [ { "ContentItemId": "probe1", "ContentType": "Probe", "Published": true, "Latest": true,
                "TitlePart": { "Title": "Probe" }, "AutoroutePart": { "Path": "probe" },
                "Probe": { "Ready": { "Value": true }, "Day": { "Value": "2026-05-31" }, "Moment": { "Value": "2026-05-31T14:30:00Z" }, "At": { "Value": "09:15" },
                  "Site": { "Url": "https://example.com/", "Text": "Example" }, "Related": { "ContentItemIds": [ "article04" ] } } } ] } ] }
            """, new RecipeOptions()));
        Assert.True(report.Applied, string.Join("; ", report.Problems.Select(p => p.Message)));

        var page = await SiteFactory.ParseAsync(await site.Browser().GetAsync("/probe"));
        var fields = page.QuerySelectorAll("dl.fields dt").Select(dt => (dt.TextContent, dt.NextElementSibling!)).ToDictionary(p => p.TextContent, p => p.Item2);
        Assert.Equal("Yes", fields["Ready"].TextContent);
        Assert.Equal("31 May 2026", fields["Day"].TextContent);
        Assert.Contains("14:30", fields["Moment"].TextContent, StringComparison.Ordinal);
        Assert.Equal("09:15", fields["At"].TextContent);
        Assert.Equal("https://example.com/", fields["Site"].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Example", fields["Site"].TextContent);
        Assert.StartsWith("/articles/", fields["Related"].QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }
}
