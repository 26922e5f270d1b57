using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;

namespace SysRift.Contents.Parts;

/// <summary>What FlowPart and BagPart share: a list of nested content items under one property.</summary>
public static class NestedItems
{
    public static IEnumerable<JsonObject> Of(JsonObject? part, string property) =>
        part?[property] is JsonArray items ? items.OfType<JsonObject>() : [];

    public static void Validate(BlockValue value, string property)
    {
        var node = value.Property(property);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return;
        if (node is not JsonArray items || items.Any(i => i is not JsonObject))
            value.Error(property, "must be a list of content items.");
    }

    /// <summary>"Hero: Welcome", one line per nested item, for diffs.</summary>
    public static string Describe(JsonObject? part, string property) =>
        string.Join("\n", Of(part, property).Select(i => $"{(string?)i["ContentType"] ?? "?"}: {(string?)i["DisplayText"] ?? (string?)i["TitlePart"]?["Title"] ?? ""}"));
}
