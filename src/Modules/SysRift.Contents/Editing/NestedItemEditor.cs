using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;

namespace SysRift.Contents.Editing;

/// <summary>
/// One nested item (a widget in a FlowPart, an item in a BagPart) as its parent's editor shows it: the item's
/// whole JSON, which the form carries so that nothing the editors do not show is lost, and the editors of its
/// type, named under the parent's ("FlowPart.0.HtmlBodyPart"). A type this site does not define has no editors
/// and its item is kept as it is.
/// </summary>
public sealed class NestedItemEditor(JsonObject json, ContentTypeDefinition? type, List<EditorField> editors)
{
    public JsonObject Json { get; } = json;

    public ContentTypeDefinition? Type { get; } = type;

    public List<EditorField> Editors { get; } = editors;

    public string ContentType => (string?)Json["ContentType"] ?? "";

    public string TypeLabel => Type?.DisplayName is { Length: > 0 } name ? name : ContentType;

    public string Summary => (string?)Json["DisplayText"] is { Length: > 0 } text ? text : ContentItem.FromJson(Json).Title ?? "";
}
