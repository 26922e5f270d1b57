using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Contents.Parts;

namespace SysRift.Contents.Validation;

/// <summary>Validates an item's parts and fields against its type definition, each by its block; runs on every save.</summary>
public sealed class ContentValidator(ContentBuildingBlocks blocks)
{
    public enum PartKind { Registered, Defined, Unsupported }

    public List<ContentError> Validate(ContentItem item, ContentDefinitionDocument definitions)
    {
        var errors = new List<ContentError>();
        if (JsonNesting.TooDeep(item.Content) is { } deep)
        {
            // Checked first: nothing below may walk (or serialise) a tree this deep.
            errors.Add(new ContentError(deep, $"The content nests more than {JsonNesting.MaxDepth} levels deep here; SysRift stores at most {JsonNesting.MaxDepth}."));
            return errors;
        }

        var type = definitions.Type(item.ContentType);
        if (type is null)
        {
            errors.Add(new ContentError("ContentType", $"\"{item.ContentType}\" is not a content type of this site."));
            return errors;
        }

        ValidateParts(item.Content, type, definitions, prefix: "", errors);
        return errors;
    }

    /// <summary>
    /// Each part and field by its block; nested items (FlowPart, BagPart) by their own type, their errors under
    /// "{Part}.{index}." as the editor names them. Nested items of a type this site does not define are kept unchecked.
    /// </summary>
    private void ValidateParts(JsonObject content, ContentTypeDefinition type, ContentDefinitionDocument definitions, string prefix, List<ContentError> errors)
    {
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var part = SettingsReader.Property(content, typePart.Name) as JsonObject;
            if (blocks.Part(typePart.PartName) is { } partType)
            {
                partType.Validate(new BlockValue(part, typePart.Settings, partType.SettingsGroup, partType.Label, prefix + typePart.Name, errors));
                if (partType is NestedItemsPart nested)
                {
                    var index = 0;
                    foreach (var child in nested.Items(part))
                    {
                        if (definitions.Type((string?)child["ContentType"] ?? "") is { } childType)
                            ValidateParts(child, childType, definitions, $"{prefix}{typePart.Name}.{index}.", errors);
                        index++;
                    }
                }
            }

            foreach (var field in definitions.Part(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                if (blocks.Field(field.FieldName) is not { } fieldType) continue;
                var value = part is null ? null : SettingsReader.Property(part, field.Name) as JsonObject;
                fieldType.Validate(new BlockValue(value, field.Settings, fieldType.SettingsGroup, field.DisplayName, $"{prefix}{typePart.Name}.{field.Name}", errors));
            }
        }
    }

    /// <summary>Whether a part on a type is a registered part type, a part defined by its fields, or neither.</summary>
    public PartKind Classify(ContentTypePartDefinition typePart, ContentTypeDefinition type, ContentDefinitionDocument definitions)
    {
        if (blocks.Part(typePart.PartName) is not null) return PartKind.Registered;
        if (definitions.Part(typePart.PartName) is not null) return PartKind.Defined;
        // A part named like its type holds the type's own fields; Orchard lets it exist undefined (empty).
        return string.Equals(typePart.PartName, type.Name, StringComparison.OrdinalIgnoreCase) ? PartKind.Defined : PartKind.Unsupported;
    }
}
