using SysRift.Contents.Definitions;
using SysRift.Contents.Fields;
using SysRift.Contents.Items;

namespace SysRift.Contents.Validation;

/// <summary>Validates an item's parts and fields against its type definition; runs on every save.</summary>
public sealed class ContentValidator(ContentBuildingBlocks blocks)
{
    public enum PartKind { BuiltIn, Custom, Unsupported }

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

        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var value = item.Part(typePart.Name);
            switch (Classify(typePart, type, definitions))
            {
                case PartKind.BuiltIn:
                    blocks.Part(typePart.PartName)!.Validate(value, typePart, typePart.Name, errors);
                    break;
                case PartKind.Custom:
                    ValidateFields(value, definitions.Part(typePart.PartName), typePart.Name, errors);
                    break;
            }
        }

        return errors;
    }

    public PartKind Classify(ContentTypePartDefinition typePart, ContentTypeDefinition type, ContentDefinitionDocument definitions)
    {
        if (blocks.Part(typePart.PartName) is not null) return PartKind.BuiltIn;
        if (definitions.Part(typePart.PartName) is not null) return PartKind.Custom;
        // A part named like its type holds the type's own fields; Orchard lets it exist undefined (empty).
        return string.Equals(typePart.PartName, type.Name, StringComparison.OrdinalIgnoreCase) ? PartKind.Custom : PartKind.Unsupported;
    }

    private void ValidateFields(System.Text.Json.Nodes.JsonObject? part, ContentPartDefinition? definition, string path, List<ContentError> errors)
    {
        if (definition is null) return;
        foreach (var field in definition.ContentPartFieldDefinitionRecords)
        {
            if (blocks.Field(field.FieldName) is not { } fieldType) continue;
            var value = part is null ? null : SettingsReader.Property(part, field.Name) as System.Text.Json.Nodes.JsonObject;
            fieldType.Validate(new FieldContext(value, field, $"{path}.{field.Name}", errors));
        }
    }
}
