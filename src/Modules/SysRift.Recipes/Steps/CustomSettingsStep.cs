using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Contents.Validation;
using SysRift.Core.Documents;
using SysRift.Core.Signals;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// Orchard's "custom-settings": each property is a content item of a type whose stereotype is CustomSettings
/// ({"BlogSettings": {"ContentType": "BlogSettings", "BlogSettings": {...}}}), the site's own settings shaped
/// like content. Each is checked against its type as content is, and kept whole as the document
/// "CustomSettings:{Type}"; the export writes them back as this step. A type the site does not define is kept too.
/// </summary>
public sealed class CustomSettingsStep(ContentValidator validator, DocumentStore documents) : IRecipeStep
{
    public const string DocumentPrefix = "CustomSettings:";

    public IReadOnlyList<string> Names { get; } = ["custom-settings"];

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in context.Step)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase)) continue;
            var path = JsonPath.Property(context.Path, key);
            if (value is not JsonObject json)
            {
                context.Error(path, "A custom settings entry must be a content item (an object).");
                continue;
            }

            if (key.Length > 128 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                context.Error(path, "A custom settings name is a content type's technical name (letters, digits, '_').");
                continue;
            }

            var item = ContentItem.FromJson(json);
            if (item.ContentType.Length > 0 && !item.ContentType.Equals(key, StringComparison.OrdinalIgnoreCase))
                context.Error(JsonPath.Property(path, "ContentType"), $"must be \"{key}\", the name it is given under.");
            item.ContentType = key;
            var type = context.Run.Definitions.Type(key);
            if (type is null)
            {
                context.Kept(path, $"type \"{key}\" is not defined here; the settings are kept as they are.");
                continue;
            }

            if (!"CustomSettings".Equals(SettingsReader.String(type.Settings, "ContentTypeSettings", "Stereotype"), StringComparison.OrdinalIgnoreCase))
                context.Warning(path, $"type \"{key}\" does not have the stereotype CustomSettings.");
            foreach (var error in validator.Validate(item, context.Run.Definitions))
                context.Error(JsonPath.Append(path, error.Path), error.Message);
        }

        return Task.CompletedTask;
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var (key, value) in context.Step)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase) || value is not JsonObject json) continue;
            var stored = (JsonObject)json.DeepClone();
            stored["ContentType"] = key;
            await documents.SaveRawAsync(DocumentPrefix + key, stored.ToJsonString(), ChangeTopics.Site, cancellationToken);
            names.Add(key);
        }

        return $"{context.Name}: {(names.Count == 0 ? "nothing" : string.Join(", ", names))} saved.";
    }
}
