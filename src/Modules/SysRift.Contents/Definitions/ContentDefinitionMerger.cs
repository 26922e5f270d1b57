namespace SysRift.Contents.Definitions;

/// <summary>
/// Merges incoming definitions into existing ones the way Orchard's ContentDefinition step does: a type
/// or part is created or altered; display names replace; settings merge; parts and fields are added or
/// have their settings merged; nothing that the incoming definition does not mention is removed.
/// </summary>
public static class ContentDefinitionMerger
{
    public static void MergeType(ContentDefinitionDocument document, ContentTypeDefinition incoming)
    {
        var type = document.Type(incoming.Name);
        if (type is null)
        {
            type = new ContentTypeDefinition { Name = incoming.Name };
            document.ContentTypeDefinitionRecords.Add(type);
        }

        if (!string.IsNullOrWhiteSpace(incoming.DisplayName)) type.DisplayName = incoming.DisplayName;
        if (string.IsNullOrWhiteSpace(type.DisplayName)) type.DisplayName = incoming.Name;
        SettingsReader.Merge(type.Settings, incoming.Settings);

        foreach (var part in incoming.ContentTypePartDefinitionRecords)
        {
            var existing = type.Part(part.Name);
            if (existing is null)
            {
                type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition
                {
                    Name = part.Name,
                    PartName = part.PartName,
                    Settings = (System.Text.Json.Nodes.JsonObject)part.Settings.DeepClone(),
                });
            }
            else
            {
                if (!string.IsNullOrWhiteSpace(part.PartName)) existing.PartName = part.PartName;
                SettingsReader.Merge(existing.Settings, part.Settings);
            }
        }
    }

    public static void MergePart(ContentDefinitionDocument document, ContentPartDefinition incoming)
    {
        var part = document.Part(incoming.Name);
        if (part is null)
        {
            part = new ContentPartDefinition { Name = incoming.Name };
            document.ContentPartDefinitionRecords.Add(part);
        }

        SettingsReader.Merge(part.Settings, incoming.Settings);
        foreach (var field in incoming.ContentPartFieldDefinitionRecords)
        {
            var existing = part.Field(field.Name);
            if (existing is null)
            {
                part.ContentPartFieldDefinitionRecords.Add(new ContentPartFieldDefinition
                {
                    Name = field.Name,
                    FieldName = field.FieldName,
                    Settings = (System.Text.Json.Nodes.JsonObject)field.Settings.DeepClone(),
                });
            }
            else
            {
                if (!string.IsNullOrWhiteSpace(field.FieldName)) existing.FieldName = field.FieldName;
                SettingsReader.Merge(existing.Settings, field.Settings);
            }
        }
    }

    /// <summary>Orchard's ReplaceContentDefinition: the type becomes exactly what is given (parts it does not name are gone).</summary>
    public static void ReplaceType(ContentDefinitionDocument document, ContentTypeDefinition incoming)
    {
        document.ContentTypeDefinitionRecords.RemoveAll(t => string.Equals(t.Name, incoming.Name, StringComparison.OrdinalIgnoreCase));
        MergeType(document, incoming);
    }

    /// <summary>The part becomes exactly what is given (fields it does not name are gone; stored values stay in the items).</summary>
    public static void ReplacePart(ContentDefinitionDocument document, ContentPartDefinition incoming)
    {
        document.ContentPartDefinitionRecords.RemoveAll(p => string.Equals(p.Name, incoming.Name, StringComparison.OrdinalIgnoreCase));
        MergePart(document, incoming);
    }
}
