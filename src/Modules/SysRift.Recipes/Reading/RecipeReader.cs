using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Recipes.Reading;

/// <summary>
/// Parses recipe JSON as Orchard does: // and /* */ comments allowed, trailing commas tolerated,
/// property names matched case-insensitively (real recipes mix "data" and "Data").
/// </summary>
public static class RecipeReader
{
    public const int MaxRecipeBytes = 64 * 1024 * 1024;

    /// <summary>
    /// What System.Text.Json can write back: a deeper recipe would parse, then fail the dry run, the export or
    /// every page of the item. Deeper input is a reported error with its line, not a crash.
    /// </summary>
    public const int MaxDepth = 64;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth };

    public static JsonNode? ParseNode(string json) => JsonNode.Parse(json, NodeOptions, DocumentOptions);

    /// <summary>The recipe's root object, or null with the problems that prevent reading it.</summary>
    public static JsonObject? Parse(string json, RecipeProblems problems)
    {
        if (json.Length > MaxRecipeBytes)
        {
            problems.Error(null, null, "$", $"The recipe is larger than {MaxRecipeBytes / (1024 * 1024)} MB.");
            return null;
        }

        JsonNode? root;
        try
        {
            root = ParseNode(json);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } l ? $"line {l + 1}, position {exception.BytePositionInLine + 1}" : "unknown position";
            problems.Error(null, null, "$", $"The recipe is not valid JSON ({line}): {FirstSentence(exception.Message)}");
            return null;
        }

        // Objects are built lazily: a property named twice ("Title" and "title" count as one name) surfaces
        // only when an object is first read. Read every object now, so it is a reported error, not a crash.
        if (FindDuplicateProperty(root, "$") is { } duplicate)
        {
            problems.Error(null, null, duplicate.Path, $"The property \"{duplicate.Name}\" appears twice in one object (names are compared without case).");
            return null;
        }

        if (root is not JsonObject obj)
        {
            problems.Error(null, null, "$", "A recipe must be a JSON object with a \"steps\" array.");
            return null;
        }

        return obj;
    }

    /// <summary>Reads the header and checks the shape every recipe must have.</summary>
    private static (string Path, string Name)? FindDuplicateProperty(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                try
                {
                    _ = obj.Count;
                }
                catch (ArgumentException exception)
                {
                    var name = exception.Message.Split("Key: ", 2) is [_, var rest] ? rest.Split(' ', 2)[0] : "?";
                    return (path, name);
                }

                foreach (var (name, child) in obj)
                    if (FindDuplicateProperty(child, JsonPath.Property(path, name)) is { } found) return found;
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (FindDuplicateProperty(array[i], JsonPath.Index(path, i)) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <param name="source">The recipe's file, when it came from one: a recipe without a name is called after it.</param>
    public static RecipeDescriptor? Describe(JsonObject root, RecipeProblems problems, string? source = null)
    {
        var steps = root["steps"];
        if (steps is not JsonArray stepArray)
        {
            problems.Error(null, null, "$.steps", steps is null ? "A recipe needs a \"steps\" array." : "\"steps\" must be an array.");
            return null;
        }

        // Orchard's module migration recipes have no name: accepted, with a warning that says which file.
        var fallbackName = source is null ? "unnamed" : Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(source));
        if (root["name"] is null)
            problems.Warning(null, null, "$.name", $"The recipe{(source is null ? "" : $" {Path.GetFileName(source)}")} has no \"name\"; it is accepted as \"{fallbackName}\".");
        else CheckString(root, "name", problems);
        foreach (var key in new[] { "displayName", "description", "author", "version", "website" }) CheckString(root, key, problems, required: false);
        if (root["variables"] is { } variables && variables is not JsonObject)
            problems.Error(null, null, "$.variables", "\"variables\" must be an object.");

        for (var i = 0; i < stepArray.Count; i++)
        {
            var path = JsonPath.Index("$.steps", i);
            if (stepArray[i] is not JsonObject step)
                problems.Error(i, null, path, "A step must be an object with a \"name\".");
            else if (StepName(step) is null)
                problems.Error(i, null, JsonPath.Property(path, "name"), "A step needs a \"name\" (text).");
        }

        return new RecipeDescriptor(
            Text(root, "name") ?? fallbackName,
            Text(root, "displayName") ?? Text(root, "name") ?? fallbackName,
            Text(root, "description") ?? "",
            Text(root, "author") ?? "",
            Text(root, "version") ?? "",
            root["issetuprecipe"] is JsonValue setup && (setup.TryGetValue<bool>(out var b) ? b : setup.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) && p),
            Strings(root["categories"]),
            Strings(root["tags"]),
            root,
            stepArray);
    }

    public static string? StepName(JsonObject step) =>
        step["name"] is JsonValue v && v.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name) ? name : null;

    private static void CheckString(JsonObject root, string key, RecipeProblems problems, bool required = true)
    {
        var node = root[key];
        if (node is null)
        {
            if (required) problems.Error(null, null, $"$.{key}", $"A recipe needs a \"{key}\".");
            return;
        }

        if (node.GetValueKind() != JsonValueKind.String) problems.Error(null, null, $"$.{key}", $"\"{key}\" must be text.");
    }

    private static string? Text(JsonObject root, string key) => root[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).Where(s => s is not null).Select(s => s!).ToArray() : [];

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>A recipe's header and its (still unevaluated) steps.</summary>
public sealed record RecipeDescriptor(
    string Name,
    string DisplayName,
    string Description,
    string Author,
    string Version,
    bool IsSetupRecipe,
    string[] Categories,
    string[] Tags,
    JsonObject Root,
    JsonArray Steps);
