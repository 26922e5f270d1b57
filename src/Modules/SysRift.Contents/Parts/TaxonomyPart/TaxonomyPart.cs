using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>
/// Orchard's taxonomy: {"TermContentType": "Tag", "Terms": [term items]}. Its terms are nested items of the
/// term type; TaxonomyFields on other items pick them by id, and each term has a page listing what it tags.
/// </summary>
public sealed class TaxonomyPart : NestedItemsPart
{
    public override string Name => "TaxonomyPart";

    public override string Label => "Terms";

    public override string Description => "A vocabulary of terms (categories, tags) that items are tagged with.";

    public override string ItemsProperty => "Terms";

    public override IReadOnlyList<BlockSetting> Settings { get; } = [];

    public override void Validate(BlockValue value)
    {
        base.Validate(value);
        if (value.StringProperty("TermContentType") is { Length: > 128 }) value.Error("TermContentType", "must be at most 128 characters.");
    }

    /// <summary>Only the term type can be added.</summary>
    public override IEnumerable<ContentTypeDefinition> AddableTypes(JsonObject settings, JsonObject? value, ContentDefinitionDocument definitions) =>
        BlockJson.Text(value, "TermContentType") is { Length: > 0 } termType && definitions.Type(termType) is { } type ? [type] : [];

    public override void Bind(EditorInput input)
    {
        if (input.Text("TermContentType").Trim() is { Length: > 0 } termType) input.Value["TermContentType"] = termType;
    }

    /// <summary>(id, title) of each term, in order; a term's own terms (Orchard's children) follow it.</summary>
    public static IEnumerable<(string Id, string Title, JsonObject Term)> Terms(JsonObject? part)
    {
        foreach (var term in part?["Terms"] is JsonArray terms ? terms.OfType<JsonObject>() : [])
        {
            if ((string?)term["ContentItemId"] is not { Length: > 0 } id) continue;
            yield return (id, Title(term), term);
            foreach (var child in Terms(term)) yield return child;
        }
    }

    public static string Title(JsonObject term) =>
        (string?)term["DisplayText"] is { Length: > 0 } text ? text : (string?)term["TitlePart"]?["Title"] ?? (string?)term["ContentItemId"] ?? "";
}
