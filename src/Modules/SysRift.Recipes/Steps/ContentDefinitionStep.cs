using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Blocks;
using SysRift.Core.Documents;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// "ContentDefinition": ContentTypes (with ContentTypePartDefinitionRecords) and ContentParts (with
/// ContentPartFieldDefinitionRecords), merged into the site's definitions as Orchard merges them.
/// Parts and fields SysRift has no block for are kept in the definitions as they are (reported as kept,
/// not rendered): they travel with the site and come back in every export.
/// </summary>
public sealed class ContentDefinitionStep(ContentBuildingBlocks blocks, DocumentStore documents) : IRecipeStep
{
    /// <summary>ReplaceContentDefinition makes each named type and part exactly what the step gives; ContentDefinition merges.</summary>
    public IReadOnlyList<string> Names { get; } = ["ContentDefinition", "ReplaceContentDefinition"];

    private static bool Replaces(StepContext context) => string.Equals(context.Name, "ReplaceContentDefinition", StringComparison.OrdinalIgnoreCase);

    public int ValidationOrder => -1;

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var parts = StepJson.OptionalArray(context, context.Step, context.Path, "ContentParts");
        var types = StepJson.OptionalArray(context, context.Step, context.Path, "ContentTypes");

        // Parts first: a type in this step may use a part this step defines.
        var partsPath = JsonPath.Property(context.Path, "ContentParts");
        for (var i = 0; parts is not null && i < parts.Count; i++)
        {
            if (ReadPart(context, parts[i], JsonPath.Index(partsPath, i)) is { } part)
                Apply(context, context.Run.Definitions, part);
        }

        var typesPath = JsonPath.Property(context.Path, "ContentTypes");
        for (var i = 0; types is not null && i < types.Count; i++)
        {
            if (ReadType(context, types[i], JsonPath.Index(typesPath, i)) is { } type)
                Apply(context, context.Run.Definitions, type);
        }

        return Task.CompletedTask;
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        // Validation already pruned and checked the step; re-read it into definition objects and merge.
        var scratch = new RecipeProblems();
        var quiet = new StepContext(context.Index, context.Name, context.Step, scratch, context.Run);
        var parts = (StepJson.OptionalArray(quiet, context.Step, context.Path, "ContentParts") ?? []).ToList();
        var types = (StepJson.OptionalArray(quiet, context.Step, context.Path, "ContentTypes") ?? []).ToList();
        var partCount = 0;
        var typeCount = 0;
        await ContentDefinitionService.AlterAsync(documents, document =>
        {
            foreach (var node in parts)
            {
                if (ReadPart(quiet, node, "$") is { } part)
                {
                    Apply(context, document, part);
                    partCount++;
                }
            }

            foreach (var node in types)
            {
                if (ReadType(quiet, node, "$") is { } type)
                {
                    Apply(context, document, type);
                    typeCount++;
                }
            }
        }, cancellationToken);
        return $"{context.Name}: {typeCount} type(s), {partCount} part(s) {(Replaces(context) ? "replaced" : "merged")}.";
    }

    private static void Apply(StepContext context, ContentDefinitionDocument document, ContentPartDefinition part)
    {
        if (Replaces(context)) ContentDefinitionMerger.ReplacePart(document, part);
        else ContentDefinitionMerger.MergePart(document, part);
    }

    private static void Apply(StepContext context, ContentDefinitionDocument document, ContentTypeDefinition type)
    {
        if (Replaces(context)) ContentDefinitionMerger.ReplaceType(document, type);
        else ContentDefinitionMerger.MergeType(document, type);
    }

    /// <summary>Collects the part names this step defines (before any step is validated).</summary>
    public static IEnumerable<string> DefinedPartNames(JsonObject step)
    {
        if (SettingsReader.Property(step, "ContentParts") is not JsonArray parts) yield break;
        foreach (var part in parts.OfType<JsonObject>())
        {
            if (SettingsReader.Property(part, "Name") is JsonValue v && v.TryGetValue<string>(out var name) && IsDefinedHere(name, part))
                yield return name;
        }
    }

    // A ContentParts entry named like Orchard's code parts ("ListPart") with no fields only carries settings
    // for a part implemented in code, which SysRift may not have; one with fields (or another name) defines it.
    private static bool IsDefinedHere(string name, JsonObject part) =>
        !name.EndsWith("Part", StringComparison.Ordinal) ||
        SettingsReader.Property(part, "ContentPartFieldDefinitionRecords") is JsonArray { Count: > 0 };

    private ContentPartDefinition? ReadPart(StepContext context, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            context.Error(path, "A content part must be an object.");
            return null;
        }

        var name = StepJson.RequiredString(context, obj, path, "Name");
        if (name is null) return null;
        if (!StepJson.IsIdentifier(name)) context.Error(JsonPath.Property(path, "Name"), $"\"{name}\" is not a valid part name (letters, digits and _; starting with a letter).");
        if (blocks.Part(name) is null && !IsDefinedHere(name, obj) && !context.Run.DefinedParts.Contains(name))
            context.Kept(path, $"part \"{name}\" has no SysRift block (SysRift parts: {string.Join(", ", blocks.PartNames)}, and parts defined with fields); its definition is kept, not rendered.");

        var part = new ContentPartDefinition { Name = name, Settings = (JsonObject)StepJson.OptionalObject(context, obj, path, "Settings").DeepClone() };
        var fieldsPath = JsonPath.Property(path, "ContentPartFieldDefinitionRecords");
        var fields = StepJson.OptionalArray(context, obj, path, "ContentPartFieldDefinitionRecords");
        for (var i = 0; fields is not null && i < fields.Count; i++)
        {
            var fieldPath = JsonPath.Index(fieldsPath, i);
            if (fields[i] is not JsonObject fieldObject)
            {
                context.Error(fieldPath, "A field must be an object.");
                continue;
            }

            var fieldType = StepJson.RequiredString(context, fieldObject, fieldPath, "FieldName");
            var fieldName = StepJson.RequiredString(context, fieldObject, fieldPath, "Name");
            if (fieldType is null || fieldName is null) continue;
            if (!StepJson.IsIdentifier(fieldName)) context.Error(JsonPath.Property(fieldPath, "Name"), $"\"{fieldName}\" is not a valid field name.");
            if (blocks.Field(fieldType) is null)
                context.Kept(JsonPath.Property(fieldPath, "FieldName"), $"field type \"{fieldType}\" ({name}.{fieldName}) has no SysRift block (SysRift fields: {string.Join(", ", blocks.FieldNames)}); the field is kept, not rendered or edited.");

            var settings = (JsonObject)StepJson.OptionalObject(context, fieldObject, fieldPath, "Settings").DeepClone();
            if (blocks.Field(fieldType) is { } block) CheckSettings(context, block, settings, JsonPath.Property(fieldPath, "Settings"));
            part.ContentPartFieldDefinitionRecords.Add(new ContentPartFieldDefinition { FieldName = fieldType, Name = fieldName, Settings = settings });
        }

        return part;
    }

    private ContentTypeDefinition? ReadType(StepContext context, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            context.Error(path, "A content type must be an object.");
            return null;
        }

        var name = StepJson.RequiredString(context, obj, path, "Name");
        if (name is null) return null;
        if (!StepJson.IsIdentifier(name)) context.Error(JsonPath.Property(path, "Name"), $"\"{name}\" is not a valid type name (letters, digits and _; starting with a letter).");

        var type = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = StepJson.OptionalString(context, obj, path, "DisplayName") ?? "",
            Settings = (JsonObject)StepJson.OptionalObject(context, obj, path, "Settings").DeepClone(),
        };

        var partsPath = JsonPath.Property(path, "ContentTypePartDefinitionRecords");
        var parts = StepJson.OptionalArray(context, obj, path, "ContentTypePartDefinitionRecords");
        for (var i = 0; parts is not null && i < parts.Count; i++)
        {
            var partPath = JsonPath.Index(partsPath, i);
            if (parts[i] is not JsonObject partObject)
            {
                context.Error(partPath, "A type part must be an object.");
                continue;
            }

            var partName = StepJson.RequiredString(context, partObject, partPath, "PartName");
            if (partName is null) continue;
            var instanceName = StepJson.OptionalString(context, partObject, partPath, "Name") is { Length: > 0 } given ? given : partName;
            var supported = blocks.Part(partName) is not null
                || context.Run.DefinedParts.Contains(partName)
                || string.Equals(partName, name, StringComparison.OrdinalIgnoreCase);
            if (!supported)
                context.Kept(JsonPath.Property(partPath, "PartName"), $"part \"{partName}\" on type \"{name}\" has no SysRift block; it is kept on the type, not rendered or edited.");

            var settings = (JsonObject)StepJson.OptionalObject(context, partObject, partPath, "Settings").DeepClone();
            if (blocks.Part(partName) is { } partType) CheckSettings(context, partType, settings, JsonPath.Property(partPath, "Settings"));
            type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = partName, Name = instanceName, Settings = settings });
        }

        return type;
    }

    /// <summary>The block checks its own settings; an error names the setting's JSON path.</summary>
    private static void CheckSettings(StepContext context, ContentBlock block, JsonObject settings, string path) =>
        block.CheckSettings(settings, (setting, message) =>
            context.Error(JsonPath.Property(JsonPath.Property(path, block.SettingsGroup), setting), message));
}
