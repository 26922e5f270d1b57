using System.Net;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>Real Orchard sites, imported into an empty SysRift site, show their HTML bodies, nested widgets and subtitles.</summary>
public sealed class OrchardSitePagesTests
{
    private static async Task<SiteFactory> ImportedAsync(TestDatabase database, string fixture)
    {
        var site = new SiteFactory(database, recipe: "empty");
        var options = new RecipeOptions { SkipUnsupported = true, Parameters = new(StringComparer.OrdinalIgnoreCase) { ["AdminUsername"] = SiteFactory.AdminUserName, ["AdminUserId"] = "admin-id", ["SiteName"] = "Test" } };
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(TestRecipes.Fixture(fixture), options));
        Assert.True(report.Applied, report.Describe());
        return site;
    }

    [SharedFact]
    public async Task The_blog_shows_its_html_description_and_its_post()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = await ImportedAsync(database, "blog");
        var visitor = site.Browser();

        var blog = await SiteFactory.ParseAsync(await visitor.GetAsync("/blog"));
        Assert.Equal("This is the description of your blog", blog.QuerySelector(".body")!.TextContent.Trim());
        // The ListPart lists the posts whose ContainedPart names the blog.
        Assert.Equal(["/blog/post-1"], blog.QuerySelectorAll(".list-items .summary-title a").Select(a => a.GetAttribute("href")));
        var post = await visitor.GetAsync("/blog/post-1");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var page = await SiteFactory.ParseAsync(post);
        Assert.Equal("Man must explore, and this is exploration at its greatest", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Problems look mighty small from 150 miles up", page.QuerySelector("dl.fields")!.TextContent, StringComparison.Ordinal);

        // The post's editor shows the blog it is in, and saving keeps it there.
        var admin = await AdminSession.SignInAsync(site);
        var postId = await site.InScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            s.GetRequiredService<SysRiftDbContext>().ContentItems.Where(i => i.ContentType == "BlogPost").Select(i => i.ContentItemId)));
        var editor = await admin.PageAsync($"/admin/content/item/{postId}");
        Assert.Equal("Blog", editor.QuerySelector(".contained-in a")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(editor, "form.editor", null, "publish")).StatusCode);
        blog = await SiteFactory.ParseAsync(await visitor.GetAsync("/blog"));
        Assert.Single(blog.QuerySelectorAll(".list-items .summary-title a"));
    }

    [SharedFact]
    public async Task The_agency_landing_page_shows_its_nested_services_with_their_html()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = await ImportedAsync(database, "agency");
        var visitor = site.Browser();

        // SetHomepage made it the home page.
        var page = await SiteFactory.ParseAsync(await visitor.GetAsync("/"));
        var services = page.QuerySelectorAll(".widget-service").ToList();
        Assert.True(services.Count >= 3, $"{services.Count} services shown");
        Assert.Equal("E-Commerce", services[0].QuerySelector(".widget-title")!.TextContent.Trim());
        Assert.StartsWith("Lorem ipsum dolor sit amet", services[0].QuerySelector(".body")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
