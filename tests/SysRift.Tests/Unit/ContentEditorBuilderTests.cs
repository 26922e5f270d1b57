using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Editing;
using SysRift.Contents.Definitions;
using SysRift.Contents.Fields;
using SysRift.Contents.Items;
using SysRift.Contents.Validation;
using SysRift.Tests.Infrastructure;

namespace SysRift.Tests.Unit;

/// <summary>Every field type of the engine gets an editor, and what an editor posts binds back into valid Orchard JSON.</summary>
public sealed class ContentEditorBuilderTests
{
    private static ContentDefinitionDocument Definitions()
    {
        static ContentPartFieldDefinition Field(string type, string name, JsonObject? settings = null)
        {
            var all = settings ?? [];
            all["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = name };
            return new ContentPartFieldDefinition { FieldName = type, Name = name, Settings = all };
        }

        return new ContentDefinitionDocument
        {
            ContentTypeDefinitionRecords =
            [
                new ContentTypeDefinition
                {
                    Name = "Sample", DisplayName = "Sample",
                    ContentTypePartDefinitionRecords = [new() { PartName = "TitlePart", Name = "TitlePart" }, new() { PartName = "Sample", Name = "Sample" }],
                },
            ],
            ContentPartDefinitionRecords =
            [
                new ContentPartDefinition
                {
                    Name = "Sample",
                    ContentPartFieldDefinitionRecords =
                    [
                        Field("TextField", "Line", new JsonObject { ["TextFieldSettings"] = new JsonObject { ["Required"] = true, ["MaxLength"] = 20 } }),
                        Field("NumericField", "Count", new JsonObject { ["NumericFieldSettings"] = new JsonObject { ["Minimum"] = 1, ["Maximum"] = 5, ["Scale"] = 1 } }),
                        Field("BooleanField", "Flag"),
                        Field("DateField", "Day"),
                        Field("DateTimeField", "Moment"),
                        Field("TimeField", "Clock"),
                        Field("LinkField", "Link"),
                        Field("MultiTextField", "Tags"),
                        Field("MultiTextField", "Colours", new JsonObject { ["MultiTextFieldSettings"] = new JsonObject { ["Options"] = new JsonArray(new JsonObject { ["name"] = "Red", ["value"] = "red" }, new JsonObject { ["name"] = "Blue", ["value"] = "blue" }) } }),
                        Field("MarkdownField", "Notes"),
                        Field("ContentPickerField", "Related", new JsonObject { ["ContentPickerFieldSettings"] = new JsonObject { ["Multiple"] = true } }),
                    ],
                },
            ],
        };
    }

    [Fact]
    public async Task Each_field_type_has_an_editor_and_binds_back_to_valid_content()
    {
        var definitions = Definitions();
        var type = definitions.Type("Sample")!;
        var item = new ContentItem { ContentItemId = "x", ContentType = "Sample" };
        var validator = new ContentValidator(BuiltInBlocks.Instance);
        var fields = DescribeWithoutDatabase(item, type, definitions);

        Assert.Equal(
            ["TitlePart", "TextField", "NumericField", "BooleanField", "DateField", "DateTimeField", "TimeField", "LinkField", "MultiTextField", "MultiTextField", "MarkdownField"],
            fields.Select(f => f.Block.Name));
        var count = fields.Single(f => f.Name == "Sample.Count");
        Assert.Equal((1, 5, 1), (count.Number("Minimum"), count.Number("Maximum"), count.Number("Scale")));
        Assert.True(fields.Single(f => f.Name == "Sample.Line").Required);
        Assert.Equal(20, fields.Single(f => f.Name == "Sample.Line").Number("MaxLength"));
        Assert.Equal(["red", "blue"], fields.Single(f => f.Name == "Sample.Colours").Options.Select(o => o.Value));

        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["TitlePart.Title"] = "A sample", ["Sample.Line"] = "short line", ["Sample.Count"] = "2.5", ["Sample.Flag"] = new(["false", "true"]),
            ["Sample.Day"] = "2024-05-31", ["Sample.Moment"] = "2024-05-31T14:30:00Z", ["Sample.Clock"] = "14:30",
            ["Sample.Link"] = "https://example.com", ["Sample.Link.Text"] = "Example", ["Sample.Tags"] = "one, two,one",
            ["Sample.Colours"] = new(["red", "blue"]), ["Sample.Notes"] = "*hi*",
        });
        await new ContentEditorBuilder(BuiltInBlocks.Instance, null!).BindAsync(form, fields, item, definitions);
        ContentNormalizer.Prepare(item, type);
        Assert.Empty(validator.Validate(item, definitions));
        Assert.Equal(2.5, NumericField.Read(item.Field("Sample", "Count")));
        Assert.True(BooleanField.Read(item.Field("Sample", "Flag")));
        Assert.Equal(["one", "two"], MultiTextField.Read(item.Field("Sample", "Tags")));
        Assert.Equal(["red", "blue"], MultiTextField.Read(item.Field("Sample", "Colours")));
        Assert.Equal("Example", (string?)item.Field("Sample", "Link")!["Text"]);
        Assert.Equal("*hi*", (string?)item.Field("Sample", "Notes")!["Markdown"]);
        Assert.Equal("A sample", item.DisplayText);

        // Wrong input comes back to the right field, as typed.
        var bad = new FormCollection(new Dictionary<string, StringValues> { ["Sample.Line"] = "", ["Sample.Count"] = "many", ["Sample.Colours"] = "green", ["Sample.Link"] = "javascript:alert(1)", ["Sample.Moment"] = "yesterday" });
        var again = DescribeWithoutDatabase(new ContentItem { ContentItemId = "y", ContentType = "Sample" }, type, definitions);
        var target = new ContentItem { ContentItemId = "y", ContentType = "Sample" };
        await new ContentEditorBuilder(BuiltInBlocks.Instance, null!).BindAsync(bad, again, target, definitions);
        var general = ContentEditorBuilder.AttachErrors(validator.Validate(target, definitions), again);
        Assert.Empty(general);
        foreach (var name in new[] { "Sample.Line", "Sample.Count", "Sample.Colours", "Sample.Link", "Sample.Moment" })
            Assert.True(again.Single(f => f.Name == name).Errors.Count > 0, $"{name} has no error");
        Assert.Equal("many", again.Single(f => f.Name == "Sample.Count").Get("Value"));
    }

    /// <summary>The picker needs the database for its choices; these fields are checked without it (tags then suggest nothing).</summary>
    private static List<EditorField> DescribeWithoutDatabase(ContentItem item, ContentTypeDefinition type, ContentDefinitionDocument definitions)
    {
        var withoutPicker = new ContentDefinitionDocument
        {
            ContentTypeDefinitionRecords = definitions.ContentTypeDefinitionRecords,
            ContentPartDefinitionRecords = [new ContentPartDefinition { Name = "Sample", ContentPartFieldDefinitionRecords = definitions.Part("Sample")!.ContentPartFieldDefinitionRecords.Where(f => f.FieldName != "ContentPickerField").ToList() }],
        };
        using var noDatabase = new ServiceCollection().BuildServiceProvider();
        return new ContentEditorBuilder(BuiltInBlocks.Instance, noDatabase).DescribeAsync(item, type, withoutPicker).GetAwaiter().GetResult();
    }
}
