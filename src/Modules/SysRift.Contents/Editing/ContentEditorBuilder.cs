using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Contents.Validation;

namespace SysRift.Contents.Editing;

/// <summary>
/// Generates an item's editor from its content definition: one editor per registered part on the type, then
/// one per field of the part's definition, in the type's order. Binding hands each block its posted input;
/// what the user typed is kept as typed (an unparsable number stays text) so the form shows it again with
/// the validator's message. Parts and fields no module registers are not shown, and their JSON is kept.
/// </summary>
public sealed class ContentEditorBuilder(ContentBuildingBlocks blocks, IServiceProvider services)
{
    public async Task<List<EditorField>> DescribeAsync(ContentItem item, ContentTypeDefinition type, ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        var editors = new List<EditorField>();
        foreach (var typePart in type.OrderedParts())
        {
            var part = item.Part(typePart.Name);
            if (blocks.Part(typePart.PartName) is { } partType)
                editors.Add(new EditorField { Name = typePart.Name, Label = partType.Label, Block = partType, Settings = typePart.Settings, Value = part });

            foreach (var field in definitions.Part(typePart.PartName)?.OrderedFields() ?? [])
            {
                if (blocks.Field(field.FieldName) is not { } fieldType) continue;
                editors.Add(new EditorField
                {
                    Name = $"{typePart.Name}.{field.Name}", Label = field.DisplayName, Block = fieldType, Settings = field.Settings,
                    Value = part is null ? null : SettingsReader.Property(part, field.Name) as JsonObject,
                });
            }
        }

        foreach (var (key, value) in item.Content)
        {
            if (type.Part(key) is null && value is JsonObject attached && blocks.Part(key) is { AttachedToItems: true } partType)
                editors.Add(new EditorField { Name = key, Label = partType.Label, Block = partType, Value = attached });
        }

        foreach (var editor in editors) await editor.Block.DescribeAsync(editor, services, cancellationToken);
        return editors;
    }

    /// <summary>Writes the posted values of <paramref name="editors"/> into <paramref name="item"/>; other JSON in the parts is kept.</summary>
    public static void Bind(IFormCollection form, IEnumerable<EditorField> editors, ContentItem item)
    {
        foreach (var editor in editors)
        {
            if (editor.Block is ContentPartType)
            {
                var part = item.GetOrCreatePart(editor.Name);
                editor.Block.Bind(new EditorInput(form, editor, part));
                editor.Value = part;
                continue;
            }

            var dot = editor.Name.IndexOf('.', StringComparison.Ordinal);
            var (partName, fieldName) = (editor.Name[..dot], editor.Name[(dot + 1)..]);
            var owner = item.GetOrCreatePart(partName);
            var value = owner[fieldName] as JsonObject ?? new JsonObject();
            editor.Block.Bind(new EditorInput(form, editor, value));
            owner[fieldName] = value;
            editor.Value = value;
        }
    }

    /// <summary>Puts each validation error on the editor whose name starts its path (the longest such name); the rest are for the form.</summary>
    public static List<string> AttachErrors(IEnumerable<ContentError> errors, IReadOnlyList<EditorField> editors)
    {
        var general = new List<string>();
        foreach (var error in errors)
        {
            var editor = editors.Where(f => error.Path == f.Name || error.Path.StartsWith(f.Name + ".", StringComparison.Ordinal))
                .MaxBy(f => f.Name.Length);
            if (editor is null) general.Add(error.Message);
            else editor.Errors.Add(error.Message);
        }

        return general;
    }
}
