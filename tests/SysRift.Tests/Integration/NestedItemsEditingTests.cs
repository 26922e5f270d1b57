using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// FlowPart widgets and BagPart items edited in the admin: each nested item has the editors of its own type,
/// and adding, moving and removing items is a form round trip that saves nothing until the editor saves,
/// keeps what no editor shows (FlowMetadata), and still detects someone else's save in between.
/// </summary>
public sealed class NestedItemsEditingTests
{
    private const string Landing = "landing00000000000000000001";

    [Fact]
    public async Task Widgets_and_bag_items_are_added_moved_removed_and_edited_without_losing_data()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(OrchardBlocksTests.Recipe, new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());
        var admin = await AdminSession.SignInAsync(site);

        var editor = await admin.PageAsync($"/admin/content/item/{Landing}");
        Assert.Equal("<p>Second widget</p>", Input(editor, "FlowPart.1.HtmlBodyPart.Html"));
        Assert.Equal("Host", Input(editor, "Team.0.Member.Role"));
        Assert.Equal(["Paragraph"], editor.QuerySelectorAll("select[name='FlowPart.AddType'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["Member"], editor.QuerySelectorAll("select[name='Team.AddType'] option").Select(o => o.GetAttribute("value")));

        // Edit the second widget and move it up: shown again, in the new order, with the edit; nothing saved.
        editor = await RoundTripAsync(admin, editor, new() { ["FlowPart.1.HtmlBodyPart.Html"] = "<p>Second, edited</p>" }, "nested:FlowPart:up:1");
        Assert.Equal(["<p>Second, edited</p>", "<p>First widget</p>"], Htmls(editor));
        Assert.Contains("Moved the Paragraph up", editor.QuerySelector(".flash, [role=status]")?.TextContent ?? editor.Body!.TextContent, StringComparison.Ordinal);

        // Add a paragraph, then fill it in and remove the (old) first widget in the same post.
        editor = await RoundTripAsync(admin, editor, new() { ["FlowPart.AddType"] = "Paragraph" }, "nested:FlowPart:add");
        Assert.Equal(3, Htmls(editor).Count);
        Assert.Equal("", Input(editor, "FlowPart.2.HtmlBodyPart.Html"));
        editor = await RoundTripAsync(admin, editor, new() { ["FlowPart.2.HtmlBodyPart.Html"] = "<p>Third</p>" }, "nested:FlowPart:remove:1");
        Assert.Equal(["<p>Second, edited</p>", "<p>Third</p>"], Htmls(editor));
        var stored = await LatestAsync(site);
        Assert.Equal(["w1", "w2"], Widgets(stored).Select(w => (string?)w["ContentItemId"]));

        // A nested field's error lands on that field; nothing is saved.
        var refused = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["Team.0.Member.Role"] = "" }, "publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        editor = await SiteFactory.ParseAsync(refused);
        Assert.Contains("required", editor.QuerySelector("#f-Team-0-Member-Role-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["<p>Second, edited</p>", "<p>Third</p>"], Htmls(editor));

        var published = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["Team.0.Member.Role"] = "Speaker" }, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        stored = await LatestAsync(site);
        var widgets = Widgets(stored);
        Assert.Equal("w2", (string?)widgets[0]["ContentItemId"]);
        Assert.Equal(50, (int)widgets[0]["FlowMetadata"]!["Size"]!);
        Assert.Equal("<p>Second, edited</p>", (string?)widgets[0]["HtmlBodyPart"]!["Html"]);
        Assert.Equal("Paragraph", (string?)widgets[1]["ContentType"]);
        Assert.False(string.IsNullOrEmpty((string?)widgets[1]["ContentItemId"]));
        Assert.Equal("<p>Third</p>", (string?)widgets[1]["HtmlBodyPart"]!["Html"]);
        var member = stored.Part("Team")!["ContentItems"]![0]!;
        Assert.Equal(("m1", "Ada", "Speaker"), ((string?)member["ContentItemId"], (string?)member["DisplayText"], (string?)member["Member"]!["Role"]!["Text"]));

        var page = await SiteFactory.ParseAsync(await site.Browser().GetAsync("/open-house"));
        Assert.Equal(["Second, edited", "Third"], page.QuerySelectorAll(".widget-paragraph .body").Select(w => w.TextContent.Trim()));
        Assert.Contains("Speaker", page.QuerySelector(".widget-member")!.TextContent, StringComparison.Ordinal);

        // Removing the last bag item leaves an empty list, not the stored one.
        editor = await admin.PageAsync($"/admin/content/item/{Landing}");
        editor = await RoundTripAsync(admin, editor, [], "nested:Team:remove:0");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(editor, "form.editor", null, "draft")).StatusCode);
        Assert.Empty((await LatestAsync(site)).Part("Team")!["ContentItems"]!.AsArray());
    }

    [Fact]
    public async Task A_save_by_someone_else_during_nested_round_trips_is_a_conflict()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        Assert.True((await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(OrchardBlocksTests.Recipe, new RecipeOptions()))).Applied);
        var admin = await AdminSession.SignInAsync(site);
        var editor = await admin.PageAsync($"/admin/content/item/{Landing}");
        editor = await RoundTripAsync(admin, editor, new() { ["FlowPart.AddType"] = "Paragraph" }, "nested:FlowPart:add");

        await site.InScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = (await contents.GetAsync(Landing, VersionOptions.Latest))!;
            item.Part("HtmlBodyPart")!["Html"] = "<p>Theirs</p>";
            Assert.True((await contents.SaveAsync(item, publish: false, expectedRevision: null, "someone")).Succeeded);
        });

        var mine = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["FlowPart.2.HtmlBodyPart.Html"] = "<p>Mine</p>" }, "draft");
        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        var stored = await LatestAsync(site);
        Assert.Equal("<p>Theirs</p>", (string?)stored.Part("HtmlBodyPart")!["Html"]);
        Assert.Equal(2, Widgets(stored).Count);
    }

    private static async Task<IHtmlDocument> RoundTripAsync(AdminSession admin, IHtmlDocument editor, Dictionary<string, string> changes, string command)
    {
        var response = await admin.SubmitAsync(editor, "form.editor", changes, command);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFactory.ParseAsync(response);
    }

    private static string? Input(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.Value,
            _ => null,
        };

    private static List<string> Htmls(IHtmlDocument page) =>
        page.QuerySelectorAll("textarea[name^='FlowPart.'][name$='.HtmlBodyPart.Html']").Select(t => ((IHtmlTextAreaElement)t).Value).ToList();

    private static List<JsonNode> Widgets(ContentItem item) => item.Part("FlowPart")!["Widgets"]!.AsArray().Select(w => w!).ToList();

    private static Task<ContentItem> LatestAsync(SiteFactory site) =>
        site.InScopeAsync(async s => (await s.GetRequiredService<ContentManager>().GetAsync(Landing, VersionOptions.Latest))!);
}
