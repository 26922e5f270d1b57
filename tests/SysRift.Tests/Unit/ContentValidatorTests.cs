using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Fields;
using SysRift.Contents.Items;
using SysRift.Contents.Validation;
using SysRift.Tests.Infrastructure;

namespace SysRift.Tests.Unit;

public sealed class ContentValidatorTests
{
    private static ContentDefinitionDocument Definitions()
    {
        var document = new ContentDefinitionDocument();
        ContentDefinitionMerger.MergePart(document, new ContentPartDefinition
        {
            Name = "Thing",
            ContentPartFieldDefinitionRecords =
            [
                Field("TextField", "Period", """{"TextFieldSettings": {"Required": true, "Pattern": "(19|20)[0-9]{2}|Now", "PatternMessage": "Period must be a year or Now."}}"""),
                Field("NumericField", "Order", """{"NumericFieldSettings": {"Required": "True", "Minimum": 1, "Maximum": 9}}"""),
                Field("MultiTextField", "Topics", """{"MultiTextFieldSettings": {"Options": [{"name": "A", "value": "a"}, {"name": "B", "value": "b"}]}}"""),
                Field("LinkField", "Link", "{}"),
                Field("ContentPickerField", "Related", """{"ContentPickerFieldSettings": {"Multiple": false}}"""),
                Field("DateField", "When", "{}"),
            ],
        });
        ContentDefinitionMerger.MergeType(document, new ContentTypeDefinition
        {
            Name = "Thing",
            ContentTypePartDefinitionRecords = [new() { PartName = "TitlePart", Name = "TitlePart" }, new() { PartName = "Thing", Name = "Thing" }],
        });
        return document;
    }

    private static ContentPartFieldDefinition Field(string type, string name, string settings) =>
        new() { FieldName = type, Name = name, Settings = (JsonObject)JsonNode.Parse(settings)! };

    private static List<ContentError> Validate(string thing) =>
        new ContentValidator(BuiltInBlocks.Instance).Validate(
            ContentItem.FromJson((JsonObject)JsonNode.Parse($$"""{"ContentType": "Thing", "TitlePart": {"Title": "t"}, "Thing": {{thing}} }""")!),
            Definitions());

    [Fact]
    public void A_valid_item_has_no_errors() =>
        Assert.Empty(Validate("""{"Period": {"Text": "2021"}, "Order": {"Value": 3}, "Topics": {"Values": ["a"]}, "Link": {"Url": "https://example.com", "Text": "x"}, "Related": {"ContentItemIds": ["x1"]}, "When": {"Value": "2024-05-31"}}"""));

    [Fact]
    public void Every_broken_field_is_named_by_its_path()
    {
        var errors = Validate("""{"Period": {"Text": "someday"}, "Order": {"Value": 12.5}, "Topics": {"Values": ["c"]}, "Link": {"Url": "javascript:alert(1)"}, "Related": {"ContentItemIds": ["x1", "x2"]}, "When": {"Value": "yesterday"}}""");
        var paths = errors.Select(e => e.Path).ToList();

        Assert.Contains("Thing.Period.Text", paths);
        Assert.Contains(errors, e => e.Message.Contains("Period must be a year or Now.", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count(e => e.Path == "Thing.Order.Value")); // above the maximum and not whole
        Assert.Contains("Thing.Topics.Values", paths);
        Assert.Contains("Thing.Link.Url", paths);
        Assert.Contains("Thing.Related.ContentItemIds", paths);
        Assert.Contains("Thing.When.Value", paths);
    }

    [Fact]
    public void Required_fields_must_be_given() =>
        Assert.Equal(["Thing.Period.Text", "Thing.Order.Value"], Validate("{}").Select(e => e.Path));

    [Fact]
    public void Unknown_types_are_refused() =>
        Assert.Single(new ContentValidator(BuiltInBlocks.Instance).Validate(new ContentItem { ContentType = "Nope" }, Definitions()));
}
