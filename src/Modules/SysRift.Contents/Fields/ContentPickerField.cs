using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Fields;

/// <summary>{"ContentItemIds": ["..."]}. Settings: ContentPickerFieldSettings.Required, Multiple, DisplayedContentTypes.</summary>
public sealed class ContentPickerField : IContentFieldType
{
    public string Name => "ContentPickerField";

    public void Validate(FieldContext context)
    {
        var ids = Read(context.Value, out var wellFormed);
        if (!wellFormed) context.Error("ContentItemIds", "must be a list of content item ids.");
        context.RequireWhenEmpty("ContentItemIds", ids.Count == 0);
        if (ids.Count > 1 && !SettingsReader.Bool(context.Definition.Settings, context.Group, "Multiple"))
            context.Error("ContentItemIds", "takes one item only.");
    }

    public static List<string> Read(JsonObject? field) => Read(field, out _);

    private static List<string> Read(JsonObject? field, out bool wellFormed)
    {
        wellFormed = true;
        var node = field is null ? null : SettingsReader.Property(field, "ContentItemIds");
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
