using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Blocks;

/// <summary>How editor and display views read a block's value: one property as form text, or a list of texts.</summary>
public static class BlockJson
{
    /// <summary>A string as is, anything else as its JSON, "" when absent.</summary>
    public static string Text(JsonObject? value, string property) => (value is null ? null : SettingsReader.Property(value, property)) switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    /// <summary>The text entries of a list property (Values, ContentItemIds).</summary>
    public static List<string> Strings(JsonObject? value, string property) =>
        value is not null && SettingsReader.Property(value, property) is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];

    /// <summary>
    /// A list of ids (ContentItemIds, TermContentItemIds) as a validator reads it: the non-empty texts, and whether
    /// the property was absent, null or a list of texts only.
    /// </summary>
    public static List<string> Ids(JsonObject? value, string property, out bool wellFormed)
    {
        wellFormed = true;
        var node = value is null ? null : SettingsReader.Property(value, property);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return [];
        if (node is not JsonArray array)
        {
            wellFormed = false;
            return [];
        }

        var ids = new List<string>();
        foreach (var entry in array)
        {
            if (entry is JsonValue v && v.TryGetValue<string>(out var id) && !string.IsNullOrWhiteSpace(id)) ids.Add(id);
            else wellFormed = false;
        }

        return ids;
    }
}
