using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Validation;

namespace SysRift.Contents.Parts;

/// <summary>{"Title": "..."}; the item's DisplayText follows it. TitlePartSettings.Required makes it mandatory.</summary>
public sealed class TitlePart : IContentPartType
{
    public const int MaxLength = 1024;

    public string Name => "TitlePart";

    public void Validate(JsonObject? part, ContentTypePartDefinition definition, string path, List<ContentError> errors)
    {
        var node = part is null ? null : SettingsReader.Property(part, "Title");
        string? title = null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) title = v.GetValue<string>();
        else if (node is not null && node.GetValueKind() != JsonValueKind.Null) errors.Add(new ContentError($"{path}.Title", "Title must be text."));

        if (string.IsNullOrWhiteSpace(title) && SettingsReader.Bool(definition.Settings, "TitlePartSettings", "Required"))
            errors.Add(new ContentError($"{path}.Title", "Title is required."));
        if (title is { Length: > MaxLength })
            errors.Add(new ContentError($"{path}.Title", $"Title must be at most {MaxLength} characters."));
    }
}
