using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Contents.Publishing;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration.Integrity;

/// <summary>What an attacker tried from outside, each once broken: now each is refused or inert.</summary>
public sealed class AttackTests
{
    private static readonly string[] PublicUrls = ["/articles?tag=queues", "/", "/about", "/feed.xml", "/sitemap.xml", "/robots.txt"];

    private static async Task<string> GetAsync(HttpClient client, string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) request.Headers.Host = host;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_forged_host_header_never_reaches_the_pages_other_visitors_get()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();

        foreach (var path in PublicUrls)
        {
            // The attacker's own answer already uses the configured address, not the Host it sent.
            Assert.DoesNotContain("evil.example", await GetAsync(client, path, "evil.example"), StringComparison.Ordinal);
            var visitor = await GetAsync(client, path);
            Assert.DoesNotContain("evil.example", visitor, StringComparison.Ordinal);
        }

        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/articles\">", await GetAsync(client, "/articles?tag=queues"), StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/about</loc>", await GetAsync(client, "/sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_address_a_page_built_from_the_host_header_is_not_cached()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift", settings: new Dictionary<string, string?> { ["SysRift:Setup:PublicUrl"] = "" });
        var client = site.Browser();

        foreach (var path in PublicUrls)
        {
            Assert.Contains("evil.example", await GetAsync(client, path, "evil.example"), StringComparison.Ordinal);
            var visitor = await GetAsync(client, path, "localhost");
            Assert.DoesNotContain("evil.example", visitor, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("![x](/a.png){onerror=\"alert(1)\"}")]
    [InlineData("# Title {onclick=alert(1)}")]
    [InlineData("A paragraph {style=\"position:fixed;inset:0\"}")]
    [InlineData("![video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    [InlineData("![video](https://example.com/clip.mp4)")]
    [InlineData("::: {.warning onmouseover=alert(1)}\ntext\n:::")]
    [InlineData("| a | b |\n|--:|:--|\n| 1 | 2 |")]
    public void Markdown_attributes_and_embeds_never_reach_the_html(string markdown)
    {
        var html = new SysRift.Contents.Markdown.MarkdownRenderer().ToHtml(markdown);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        string[] allowed = ["href", "src", "alt", "title", "id", "class", "type", "checked", "disabled", "start"];
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "iframe", "video", "audio", "object", "embed", "script", "style" });
            foreach (var attribute in element.Attributes) Assert.Contains(attribute.Name, allowed);
        }
    }

    [Fact]
    public async Task The_markdown_preview_applies_the_same_inert_pipeline_and_bounds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);

        var attributes = await admin.PostAsync("/admin/preview/markdown", [new("markdown", "# Hi {onclick=alert(1)}\n\n![x](/a.png){onerror=alert(2)}")]);
        var preview = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await attributes.Content.ReadAsStringAsync());
        Assert.NotNull(preview.QuerySelector("h1"));
        Assert.All(preview.Body!.QuerySelectorAll("*"), element => Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));

        // 160 KB of "[x](" once held a core for 21 s: over the bounds it is shown as text, not parsed.
        var hostile = string.Concat(Enumerable.Repeat("[x](", 40_000));
        var bounded = await admin.PostAsync("/admin/preview/markdown", [new("markdown", hostile)]);
        Assert.Equal(HttpStatusCode.OK, bounded.StatusCode);
        Assert.StartsWith("<p>[x](", await bounded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_over_the_bounds_is_a_field_error_when_saved()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var result = await site.EditAsync("article04", item => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = string.Concat(Enumerable.Repeat("[x](", 2_000)));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == "MarkdownBodyPart.Markdown" && e.Message.Contains("paragraph", StringComparison.Ordinal));
    }

    [Fact]
    public void A_catastrophic_pattern_is_checked_in_linear_time_and_reports_a_mismatch()
    {
        var field = new SysRift.Contents.Definitions.ContentPartFieldDefinition
        {
            FieldName = "TextField",
            Name = "Code",
            Settings = new JsonObject { ["TextFieldSettings"] = new JsonObject { ["Pattern"] = "(a+)+" } },
        };
        var errors = new List<SysRift.Contents.Validation.ContentError>();
        var text = new string('a', 50_000) + "!";

        // 50 fields of this once took 5.5 s per save (100 ms timeout each) and then said "could not be checked".
        for (var i = 0; i < 50; i++)
            new SysRift.Contents.Fields.TextField().Validate(new SysRift.Contents.Blocks.BlockValue(new JsonObject { ["Text"] = text }, field.Settings, "TextFieldSettings", field.DisplayName, "Part.Code", errors));

        Assert.Equal(50, errors.Count);
        Assert.All(errors, e => Assert.Contains("must match the pattern", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "x": 1 }""")]
    [InlineData("""[ "a" ]""")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task A_title_that_is_not_text_is_an_error_at_its_path_whether_validated_or_imported(string title)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var recipe = $$"""
            { "name": "titles", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "odd-title", "ContentType": "Principle",
              "TitlePart": { "Title": {{title}} }, "Principle": { "Statement": { "Text": "x" }, "Order": { "Value": 9 } } } ] } ] }
            """;

        var validated = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ValidateAsync(recipe, new RecipeOptions()));
        var imported = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(recipe, new RecipeOptions()));

        foreach (var report in new[] { validated, imported })
            Assert.Contains(report.Errors, e => e.JsonPath == "$.steps[0].data[0].TitlePart.Title" && e.Message.EndsWith("must be text.", StringComparison.Ordinal));
        Assert.False(imported.Applied);
        Assert.Null(await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetRecordAsync("odd-title")));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(58, false)]
    [InlineData(70, false)]
    [InlineData(130, false)]
    public async Task Deeply_nested_content_in_a_recipe_is_a_reported_error_not_a_crash(int depth, bool valid)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var recipe = $$"""
            { "name": "deep", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "deep1", "ContentType": "Principle",
              "TitlePart": { "Title": "Deep" }, "Principle": { "Statement": { "Text": "x", "Note": {{nested}} }, "Order": { "Value": 9 } } } ] } ] }
            """;

        var dryRun = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().DryRunAsync(recipe, new RecipeOptions()));
        Assert.Equal(valid, !dryRun.Errors.Any());
        var import = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(recipe, new RecipeOptions()));
        Assert.Equal(valid, import.Applied);
        if (valid)
        {
            // What was stored opens in the editor and the history.
            var admin = await AdminSession.SignInAsync(site);
            await admin.PageAsync("/admin/content/item/deep1");
            await admin.PageAsync("/admin/content/item/deep1/history");
        }
        else
        {
            Assert.Contains(import.Errors, e => e.Message.Contains("nest", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase));
            Assert.Null(await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetRecordAsync("deep1")));
        }
    }

    [Fact]
    public async Task A_recipe_settings_step_goes_through_the_rules_of_the_settings_form()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        async Task<RecipeReport> DryRun(string theme) => await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().DryRunAsync(
            $$"""{ "name": "settings", "steps": [ { "name": "Settings", "Theme": {{theme}} } ] }""", new RecipeOptions()));

        var links = await DryRun("""{ "Navigation": [ { "Text": "x", "Url": "javascript:alert(1)" }, { "Text": "y", "Url": "//evil.example/" } ], "SocialLinks": [ { "Text": "z", "Url": "data:text/html,hi" } ] }""");
        Assert.False(links.Applied);
        var paths = links.Errors.Select(e => e.JsonPath).ToList();
        Assert.Contains("$.steps[0].Theme.Navigation[0].Url", paths);
        Assert.Contains("$.steps[0].Theme.Navigation[1].Url", paths);
        Assert.Contains("$.steps[0].Theme.SocialLinks[0].Url", paths);

        var shape = await DryRun("""{ "Navigation": 5 }""");
        Assert.False(shape.Applied);
        Assert.Contains(shape.Errors, e => e.JsonPath == "$.steps[0].Theme");

        // Nothing was stored: every public page still renders.
        var client = site.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);
        Assert.DoesNotContain("javascript:alert", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_admin()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);
        var signedIn = await admin.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = string.Join("; ", signedIn.RequestMessage!.Headers.GetValues("Cookie"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/logout")).StatusCode);

        var thief = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/admin");
        replay.Headers.Add("Cookie", cookie);
        var response = await thief.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", AdminSession.Target(response), StringComparison.Ordinal);
    }
}
