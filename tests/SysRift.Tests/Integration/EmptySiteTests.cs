using System.Net;
using SysRift.Contents.Definitions;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>The empty setup recipe (Orchard's Blank): no types, a welcome at "/", and a home page made in the admin.</summary>
public sealed class EmptySiteTests
{
    [Fact]
    public async Task An_empty_site_greets_at_the_root_until_an_editor_makes_a_home_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var definitions = await site.InScopeAsync(async s => await s.GetRequiredService<ContentDefinitionService>().GetAsync());
        Assert.Empty(definitions.ContentTypeDefinitionRecords);

        var visitor = site.Browser();
        var welcome = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, welcome.StatusCode);
        var page = await SiteFactory.ParseAsync(welcome);
        Assert.Contains("is set up", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/login']"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/anything")).StatusCode);

        var admin = await AdminSession.SignInAsync(site);
        var form = await admin.PageAsync("/admin/types/new");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, "form.editor", new Dictionary<string, string> { ["DisplayName"] = "Landing", ["Name"] = "Landing" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/types/Landing/parts", [new("PartName", "AutoroutePart")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/types/Landing/parts", [new("PartName", "MarkdownBodyPart")])).StatusCode);

        var editor = await admin.PageAsync("/admin/content/Landing/new");
        var published = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Hello from the new home", ["AutoroutePart.Path"] = "", ["AutoroutePart.SetHomepage"] = "true", ["MarkdownBodyPart.Markdown"] = "Built on an **empty** site.",
        }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var home = await SiteFactory.ParseAsync(await visitor.GetAsync("/"));
        Assert.Equal("Hello from the new home", home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("empty", home.QuerySelector(".body strong")!.TextContent);
    }
}
