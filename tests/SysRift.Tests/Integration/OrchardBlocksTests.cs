using System.Net;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// Orchard's HtmlBodyPart, FlowPart, BagPart, MediaField, SeoMetaPart and AliasPart, from a recipe of our
/// own written in Orchard's format: stored as given, rendered safely, and edited in the admin.
/// </summary>
public sealed class OrchardBlocksTests
{
    internal const string Recipe = """
        {
          "name": "orchard-blocks",
          "steps": [
            { "name": "ContentDefinition",
              "ContentTypes": [
                { "Name": "Landing", "DisplayName": "Landing", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                  "ContentTypePartDefinitionRecords": [
                    { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                    { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "ContentTypePartSettings": { "Position": "1" } } },
                    { "PartName": "AliasPart", "Name": "AliasPart", "Settings": { "ContentTypePartSettings": { "Position": "2" } } },
                    { "PartName": "SeoMetaPart", "Name": "SeoMetaPart", "Settings": { "ContentTypePartSettings": { "Position": "3" } } },
                    { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": { "ContentTypePartSettings": { "Position": "4" } } },
                    { "PartName": "Landing", "Name": "Landing", "Settings": { "ContentTypePartSettings": { "Position": "5" } } },
                    { "PartName": "FlowPart", "Name": "FlowPart", "Settings": { "ContentTypePartSettings": { "Position": "6" } } },
                    { "PartName": "BagPart", "Name": "Team", "Settings": { "ContentTypePartSettings": { "Position": "7" }, "BagPartSettings": { "ContainedContentTypes": [ "Member" ] } } } ] },
                { "Name": "Paragraph", "DisplayName": "Paragraph", "Settings": { "ContentTypeSettings": { "Stereotype": "Widget" } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" } ] },
                { "Name": "Member", "DisplayName": "Member", "Settings": {},
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Member", "Name": "Member" } ] } ],
              "ContentParts": [
                { "Name": "Landing", "ContentPartFieldDefinitionRecords": [
                  { "FieldName": "MediaField", "Name": "Hero", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Hero" } } },
                  { "FieldName": "HtmlField", "Name": "Note", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Note" } } } ] },
                { "Name": "Member", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TextField", "Name": "Role", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Role" }, "TextFieldSettings": { "Required": true } } } ] } ] },
            { "name": "content", "data": [
              { "ContentItemId": "landing00000000000000000001", "ContentType": "Landing", "DisplayText": "Open house", "Latest": true, "Published": true,
                "TitlePart": { "Title": "Open house" }, "AutoroutePart": { "Path": "open-house" }, "AliasPart": { "Alias": "open-house" },
                "SeoMetaPart": { "PageTitle": "Come to the open house", "MetaDescription": "Two days of systems talks.", "Render": true, "MetaKeywords": "systems",
                                 "DefaultSocialImage": { "Paths": [ "events/poster.jpg" ], "MediaTexts": [ "" ] } },
                "HtmlBodyPart": { "Html": "<p onclick=\"steal()\">Doors open at <strong>nine</strong>.</p><script>steal()</script>" },
                "Landing": { "Hero": { "Paths": [ "events/hall.jpg", "events/stage.jpg" ], "MediaTexts": [ "The main hall", "The stage" ] },
                             "Note": { "Html": "<em>Bring a laptop</em><iframe src=\"https://evil.example\"></iframe>" } },
                "FlowPart": { "Widgets": [
                  { "ContentItemId": "w1", "ContentType": "Paragraph", "DisplayText": "", "HtmlBodyPart": { "Html": "<p>First widget</p>" }, "FlowMetadata": { "Alignment": 3, "Size": 100 } },
                  { "ContentItemId": "w2", "ContentType": "Paragraph", "DisplayText": "", "HtmlBodyPart": { "Html": "<p>Second widget</p>" }, "FlowMetadata": { "Alignment": 3, "Size": 50 } } ] },
                "Team": { "ContentItems": [
                  { "ContentItemId": "m1", "ContentType": "Member", "DisplayText": "Ada", "TitlePart": { "Title": "Ada" }, "Member": { "Role": { "Text": "Host" } } } ] } } ] }
          ]
        }
        """;

    [Fact]
    public async Task Orchard_blocks_render_safely_and_keep_what_they_do_not_edit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Recipe, new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());
        Assert.Empty(report.Kept);

        var response = await site.Browser().GetAsync("/open-house");
        var html = await response.Content.ReadAsStringAsync();
        var page = await SiteFactory.ParseAsync(response);
        // HTML as authored, without what could run.
        Assert.Equal("nine", page.QuerySelector(".body strong")!.TextContent);
        Assert.DoesNotContain("steal()", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Equal("Bring a laptop", page.QuerySelector("dl.fields dd.prose em")!.TextContent);
        // Images with their alt texts; widgets in order; the bag's member by the generic widget view.
        Assert.Equal([("/media/events/hall.jpg", "The main hall"), ("/media/events/stage.jpg", "The stage")],
            page.QuerySelectorAll("dd.media img").Select(i => (i.GetAttribute("src"), i.GetAttribute("alt"))));
        Assert.Equal(["First widget", "Second widget"], page.QuerySelectorAll(".widget-paragraph .body").Select(w => w.TextContent.Trim()));
        Assert.Equal("Ada", page.QuerySelector(".widget-member .widget-title")!.TextContent);
        Assert.Contains("Host", page.QuerySelector(".widget-member")!.TextContent, StringComparison.Ordinal);
        // SEO overrides the layout's title, description and image.
        Assert.Equal("Come to the open house · Test Site", page.Title);
        Assert.Equal("Two days of systems talks.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("http://localhost/media/events/poster.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));

        // Edited in the admin: a new description; the widgets, the bag and the SEO keywords stay as they were.
        var admin = await AdminSession.SignInAsync(site);
        var editor = await admin.PageAsync("/admin/content/item/landing00000000000000000001");
        Assert.Contains("Paragraph", editor.QuerySelector(".nested-items")!.TextContent, StringComparison.Ordinal);
        var saved = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["SeoMetaPart.MetaDescription"] = "Three days now.", ["AliasPart.Alias"] = "bad alias!" }, "publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        Assert.Contains("may hold only", (await SiteFactory.ParseAsync(saved)).QuerySelector("#f-AliasPart-error")!.TextContent, StringComparison.Ordinal);
        editor = await admin.PageAsync("/admin/content/item/landing00000000000000000001");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["SeoMetaPart.MetaDescription"] = "Three days now." }, "publish")).StatusCode);
        var item = (await site.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("landing00000000000000000001")))!;
        Assert.Equal("Three days now.", (string?)item.Part("SeoMetaPart")!["MetaDescription"]);
        Assert.Equal("systems", (string?)item.Part("SeoMetaPart")!["MetaKeywords"]);
        Assert.Equal(2, item.Part("FlowPart")!["Widgets"]!.AsArray().Count);
        Assert.Equal(50, (int)item.Part("FlowPart")!["Widgets"]![1]!["FlowMetadata"]!["Size"]!);
        Assert.Equal("Host", (string?)item.Part("Team")!["ContentItems"]![0]!["Member"]!["Role"]!["Text"]);
    }
}
