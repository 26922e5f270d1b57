using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Markdown;
using SysRift.Contents.Validation;

namespace SysRift.Contents.Parts;

/// <summary>{"Markdown": "..."}: the item's body, rendered through the safe Markdown pipeline.</summary>
public sealed class MarkdownBodyPart : IContentPartType
{
    public string Name => "MarkdownBodyPart";

    public void Validate(JsonObject? part, ContentTypePartDefinition definition, string path, List<ContentError> errors)
    {
        var node = part is null ? null : SettingsReader.Property(part, "Markdown");
        if (node is not null && node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
            errors.Add(new ContentError($"{path}.Markdown", "Body must be Markdown text."));
        else if (node is JsonValue value && value.TryGetValue<string>(out var markdown) && MarkdownLimits.Problem(markdown) is { } problem)
            errors.Add(new ContentError($"{path}.Markdown", "Body " + problem));
    }
}
