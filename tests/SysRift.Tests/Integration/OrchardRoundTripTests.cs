using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;

namespace SysRift.Tests.Integration;

/// <summary>
/// Real Orchard Core recipes, imported and exported again: every property of every imported item and every
/// definition comes back, whether SysRift understands it or not. The only differences are the documented
/// normalizations (docs/orchard-compatibility.md): version ids, timestamps, owner and author when missing,
/// the display text, and the Latest/Published flags of a single exported version.
/// </summary>
public sealed class OrchardRoundTripTests
{
    /// <summary>The real Orchard Core recipes in ../shared/fixtures/orchardcore.</summary>
    public static TheoryData<string> Fixtures => new() { "blog", "agency", "comingsoon", "fieldTest", "minimal" };

    private static readonly HashSet<string> Normalized = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentItemVersionId", "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author", "DisplayText", "Latest", "Published",
    };

    [SharedTheory, MemberData(nameof(OrchardRoundTripTests.Fixtures), MemberType = typeof(OrchardRoundTripTests))]
    public async Task An_import_then_an_export_gives_back_every_property_of_every_item_and_definition(string fixture)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: TestRecipes.Empty);
        var json = TestRecipes.Fixture(fixture);
        var import = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(json, KeptDataTests.Options(skip: true)));
        Assert.True(import.Applied, import.Describe());
        var export = await site.InScopeAsync(s => s.GetRequiredService<RecipeExporter>().ExportAsync());

        var original = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var steps = original["steps"]!.AsArray().OfType<JsonObject>().ToList();
        var exportedSteps = export["steps"]!.AsArray().OfType<JsonObject>().ToList();
        var differences = new List<string>();

        // Definitions: every type, part and field, with every setting, whatever SysRift makes of it.
        var exportedDefinitions = exportedSteps.Single(s => (string?)s["name"] == "ContentDefinition");
        foreach (var step in steps.Where(s => string.Equals((string?)s["name"], "ContentDefinition", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var type in step["ContentTypes"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var name = (string)type["Name"]!;
                var mine = exportedDefinitions["ContentTypes"]!.AsArray().OfType<JsonObject>().FirstOrDefault(t => (string?)t["Name"] == name);
                if (mine is null) { differences.Add($"type {name} is missing"); continue; }
                foreach (var part in type["ContentTypePartDefinitionRecords"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    var partName = (string?)part["Name"] ?? (string)part["PartName"]!;
                    var minePart = mine["ContentTypePartDefinitionRecords"]!.AsArray().OfType<JsonObject>().FirstOrDefault(p => (string?)p["Name"] == partName);
                    if (minePart is null) differences.Add($"type {name} lost part {partName}");
                    else Compare(part["Settings"], minePart["Settings"], $"{name}.{partName}.Settings", differences);
                }
            }

            foreach (var part in step["ContentParts"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var name = (string)part["Name"]!;
                var mine = exportedDefinitions["ContentParts"]!.AsArray().OfType<JsonObject>().FirstOrDefault(p => (string?)p["Name"] == name);
                if (mine is null) { differences.Add($"part {name} is missing"); continue; }
                foreach (var field in part["ContentPartFieldDefinitionRecords"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    var mineField = mine["ContentPartFieldDefinitionRecords"]!.AsArray().OfType<JsonObject>().FirstOrDefault(f => (string?)f["Name"] == (string?)field["Name"]);
                    if (mineField is null) differences.Add($"part {name} lost field {field["Name"]}");
                    else Compare(field, mineField, $"{name}.{field["Name"]}", differences);
                }
            }
        }

        // Items: every property of every item that was imported (items of types the recipe cannot define are reported as skipped).
        var exportedItems = exportedSteps.Single(s => (string?)s["name"] == "Content")["data"]!.AsArray().OfType<JsonObject>().ToList();
        var compared = 0;
        foreach (var step in steps.Where(s => string.Equals((string?)s["name"], "Content", StringComparison.OrdinalIgnoreCase)))
        {
            var data = step.FirstOrDefault(p => string.Equals(p.Key, "data", StringComparison.OrdinalIgnoreCase)).Value as JsonArray;
            foreach (var item in data?.OfType<JsonObject>() ?? [])
            {
                var id = (string?)item["ContentItemId"] ?? "";
                // Ids made by scripts ([js: uuid()]) are new in the site: such an item is found by its type and title.
                var sameType = exportedItems.Where(i => (string?)i["ContentType"] == (string?)item["ContentType"]).ToList();
                var mine = !id.StartsWith('[') ? exportedItems.LastOrDefault(i => (string?)i["ContentItemId"] == id)
                    : sameType.LastOrDefault(i => Title(i) == Title(item)) ?? (sameType.Select(i => (string?)i["ContentItemId"]).Distinct().Count() == 1 ? sameType[^1] : null);
                if (mine is null)
                {
                    Assert.True(import.Unsupported.Any(p => p.Message.Contains($"\"{item["ContentType"]}\"", StringComparison.Ordinal)),
                        $"{item["ContentType"]} \"{Title(item)}\" ({id}) is neither exported nor reported as skipped");
                    continue;
                }

                compared++;
                Compare(item, mine, $"{item["ContentType"]} {Title(item) ?? id}", differences);
            }
        }

        Assert.True(differences.Count == 0, $"{fixture}: {differences.Count} difference(s):\n" + string.Join("\n", differences.Take(40)));
        Assert.True(compared > 0 || fixture is "minimal" or "comingsoon", "no item was compared");
    }

    private static string? Title(JsonObject item) => (string?)item["TitlePart"]?["Title"] ?? (string?)item["DisplayText"];

    /// <summary>Every property of <paramref name="expected"/> is in <paramref name="actual"/> with the same value (normalized properties aside).</summary>
    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                return;
            case JsonObject obj:
                if (actual is not JsonObject other) { differences.Add($"{path}: an object became {actual?.ToJsonString() ?? "nothing"}"); return; }
                foreach (var (key, value) in obj)
                {
                    if (!path.Contains('.', StringComparison.Ordinal) && Normalized.Contains(key)) continue;
                    if (key == "ContentItemId" && value is JsonValue v && v.ToString().StartsWith('[')) continue;
                    var match = other.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
                    if (match.Key is null) { if (value is not null) differences.Add($"{path}.{key} is missing"); continue; }
                    Compare(value, match.Value, $"{path}.{key}", differences);
                }

                return;
            case JsonArray array:
                if (actual is not JsonArray list || list.Count != array.Count) { differences.Add($"{path}: the list changed ({actual?.ToJsonString()})"); return; }
                for (var i = 0; i < array.Count; i++) Compare(array[i], list[i], $"{path}[{i}]", differences);
                return;
            case JsonValue script when script.GetValueKind() == JsonValueKind.String && script.GetValue<string>().TrimStart() is var text && (text.StartsWith("[js:", StringComparison.Ordinal) || text.StartsWith("[file:", StringComparison.Ordinal)):
                // A script is evaluated on import (or, when SysRift cannot, reported as unsupported): its result is the value.
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual) && !SameScalar(expected, actual)) differences.Add($"{path}: {expected.ToJsonString()} became {actual?.ToJsonString() ?? "nothing"}");
                return;
        }
    }

    // Orchard writes flags and numbers as text in places ("True", "2"); the same value in JSON form is the same.
    private static bool SameScalar(JsonNode expected, JsonNode? actual) =>
        actual is not null && string.Equals(expected.ToString(), actual.ToString(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>What SysRift does not understand survives an editor's save and a recipe's reports stay true to the file.</summary>
public sealed class KeptDataTests
{
    public static RecipeOptions Options(bool skip) => new() { SkipUnsupported = skip, Parameters = new(StringComparer.OrdinalIgnoreCase) { ["AdminUsername"] = "admin", ["AdminUserId"] = "admin-id", ["SiteName"] = "Test" } };

    [SharedFact]
    public async Task Saving_an_item_in_the_admin_keeps_the_parts_and_fields_sysrift_does_not_understand()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: TestRecipes.Empty);
        var import = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(TestRecipes.Fixture("fieldTest"), Options(skip: true)));
        Assert.True(import.Applied, import.Describe());
        var before = await site.InScopeAsync(async s => (await s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("testId1"))!.Content.ToJsonString());

        var admin = await AdminSession.SignInAsync(site);
        var editor = await admin.PageAsync("/admin/content/item/testId1");
        var saved = await admin.SubmitAsync(editor, "form.editor", new Dictionary<string, string> { ["Message.TextFieldTest"] = "Changed in the admin" }, "publish");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var after = await site.InScopeAsync(async s => (await s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("testId1"))!);
        Assert.Equal("Changed in the admin", after.Field("Message", "TextFieldTest")!["Text"]!.GetValue<string>());
        var was = JsonNode.Parse(before)!.AsObject();
        // A field without a block (UserPickerField) and a part the type does not list (its TitlePart) come back unchanged.
        Assert.Equal(was["Message"]!["UserPickerFieldTest"]!.ToJsonString(), after.Field("Message", "UserPickerFieldTest")?.ToJsonString());
        Assert.Equal(was["TitlePart"]!.ToJsonString(), after.Part("TitlePart")?.ToJsonString());
    }

    [SharedTheory, MemberData(nameof(OrchardRoundTripTests.Fixtures), MemberType = typeof(OrchardRoundTripTests))]
    public async Task Skipping_unsupported_reports_the_same_problems_at_the_same_paths_as_validating(string fixture)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: TestRecipes.Empty);
        var json = TestRecipes.Fixture(fixture);
        var validated = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ValidateAsync(json, Options(skip: false)));
        var skipped = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().DryRunAsync(json, Options(skip: true)));
        Assert.Equal(validated.Problems.Select(p => p.ToString()), skipped.Problems.Select(p => p.ToString()));
    }
}
