using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Validation;

namespace SysRift.Contents.Parts;

/// <summary>A built-in part with behaviour of its own (TitlePart, AutoroutePart, MarkdownBodyPart).</summary>
public interface IContentPartType
{
    string Name { get; }

    void Validate(JsonObject? part, ContentTypePartDefinition definition, string path, List<ContentError> errors);
}
