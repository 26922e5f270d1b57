using System.Net;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.ProbeModule;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration.BuildingBlocks;

/// <summary>
/// The prove-it test of open building blocks: a module the engine has never seen (tests/SysRift.ProbeModule)
/// registers its VerdictField with one line, and the field then works end to end: a recipe defines and fills
/// it, its settings are checked, the admin editor shows and validates it, the site displays it through its
/// own view and through an override by name, the history diffs it and search finds it.
/// </summary>
public sealed class ProbeFieldTests
{
    private const string Recipe = """
        {
          "name": "reviews",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Review", "DisplayName": "Review",
                "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
                "ContentTypePartDefinitionRecords": [
                  { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                  { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "ContentTypePartSettings": { "Position": "1" } } },
                  { "PartName": "Review", "Name": "Review", "Settings": { "ContentTypePartSettings": { "Position": "2" } } },
                  { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart", "Settings": { "ContentTypePartSettings": { "Position": "3" } } } ] } ],
              "ContentParts": [ { "Name": "Review", "ContentPartFieldDefinitionRecords": [
                { "FieldName": "VerdictField", "Name": "Headline", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Headline verdict", "Position": "0" }, "VerdictFieldSettings": { "Required": true } } },
                { "FieldName": "VerdictField", "Name": "Second", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Second opinion", "Position": "1" }, "VerdictFieldSettings": { "MaxStars": 3 } } },
                { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Related", "Position": "2" }, "ContentPickerFieldSettings": { "Multiple": true, "DisplayedContentTypes": [ "Review" ] } } } ] } ] },
            { "name": "Content", "data": [
              { "ContentItemId": "review0000000000000000001", "ContentType": "Review", "Published": true, "Latest": true,
                "TitlePart": { "Title": "A field guide to queues" }, "AutoroutePart": { "Path": "reviews/queues" }, "MarkdownBodyPart": { "Markdown": "Queues **hide** load until they do not." },
                "Review": { "Headline": { "Stars": 4, "Verdict": "Worth the weekend" }, "Second": { "Stars": 2, "Verdict": "Thin on backpressure" },
                            "Related": { "ContentItemIds": [ "review0000000000000000002" ] } } },
              { "ContentItemId": "review0000000000000000002", "ContentType": "Review", "Published": true, "Latest": true,
                "TitlePart": { "Title": "Designing data systems" }, "AutoroutePart": { "Path": "reviews/data" },
                "Review": { "Headline": { "Stars": 5, "Verdict": "Dense and exact" } } } ] }
          ]
        }
        """;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_field_type_from_a_module_the_engine_never_saw_works_from_recipe_to_search(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank", extraModules: [new ProbeModuleStartup()]);

        // Its settings are checked by its own rules: the error names the setting's JSON path, and nothing is applied.
        var refused = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Recipe.Replace("\"MaxStars\": 3", "\"MaxStars\": 50", StringComparison.Ordinal), new RecipeOptions()));
        Assert.Contains(refused.Errors, e => e.JsonPath == "$.steps[0].ContentParts[0].ContentPartFieldDefinitionRecords[1].Settings.VerdictFieldSettings.MaxStars" && e.Message.Contains("at most 10", StringComparison.Ordinal));
        Assert.False(refused.Applied);
        // So are its values: five stars where three is the most.
        var tooMany = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().DryRunAsync(Recipe.Replace("\"Stars\": 2", "\"Stars\": 5", StringComparison.Ordinal), new RecipeOptions()));
        Assert.Contains(tooMany.Errors, e => e.JsonPath.StartsWith("$.steps[1].data[0]", StringComparison.Ordinal) && e.Message.Contains("from 1 to 3 stars", StringComparison.Ordinal));

        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Recipe, new RecipeOptions()));
        Assert.True(report.Applied, string.Join(" | ", report.Errors.Select(e => $"{e.JsonPath}: {e.Message}")));

        // Displayed: the override by name for Headline, the field's own view for Second, the picked review by its Summary.
        var visitor = site.Browser();
        var page = await SiteFactory.ParseAsync(await visitor.GetAsync("/reviews/queues"));
        Assert.Equal("Worth the weekend (4 stars)", page.QuerySelector("dd.verdict-headline")!.TextContent.Trim());
        Assert.Contains("★★☆", page.QuerySelector("dd.verdict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thin on backpressure", page.QuerySelector("dd.verdict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/reviews/data", page.QuerySelector(".summary-review a")!.GetAttribute("href"));
        Assert.Equal("5 stars", page.QuerySelector(".summary-review dd.verdict-summary")!.TextContent.Trim());
        // A part overridden on one type: the Review's body by MarkdownBodyPart-Review, not the part's own view.
        Assert.Equal("hide", page.QuerySelector("section.review-body strong")!.TextContent);
        Assert.Null(page.QuerySelector("div.body"));

        // Indexed: its terms by field, its verdict in full-text search.
        var terms = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentTerms
            .Where(t => t.ContentItemId == "review0000000000000000001").Select(t => t.Field + "=" + t.Value).ToListAsync());
        Assert.Contains("Review.Headline=4", terms);
        Assert.Contains("Review.Second=2", terms);
        var found = await SiteFactory.ParseAsync(await visitor.GetAsync("/search?q=backpressure"));
        Assert.Equal(["/reviews/queues"], found.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href")));

        // Edited: the admin shows its editor, reports its errors next to it, and saves it.
        var admin = await AdminSession.SignInAsync(site);
        var editor = await admin.PageAsync("/admin/content/item/review0000000000000000001");
        Assert.Equal("4", editor.QuerySelector("select[name='Review.Headline'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(3, editor.QuerySelectorAll("select[name='Review.Second'] option[value!='']").Length);
        var invalid = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["Review.Second"] = "", ["Review.Headline"] = "" }, "publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("Headline verdict is required.", (await SiteFactory.ParseAsync(invalid)).QuerySelector("#f-Review-Headline-error")!.TextContent.Trim());

        editor = await admin.PageAsync("/admin/content/item/review0000000000000000001");
        var saved = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["Review.Headline"] = "5", ["Review.Headline.Verdict"] = "Best of the year" }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await SiteFactory.ParseAsync(await visitor.GetAsync("/reviews/queues"));
        Assert.Equal("Best of the year (5 stars)", page.QuerySelector("dd.verdict-headline")!.TextContent.Trim());

        // Diffed in the history by the text the field gives.
        var diff = await admin.PageAsync("/admin/content/item/review0000000000000000001/diff");
        var section = diff.QuerySelectorAll("section.diff").Single(s => s.QuerySelector("h2")!.TextContent == "Headline verdict");
        Assert.Contains("4 stars: Worth the weekend", section.QuerySelector(".diff-line--removed")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 stars: Best of the year", section.QuerySelector(".diff-line--added")!.TextContent, StringComparison.Ordinal);
    }
}
