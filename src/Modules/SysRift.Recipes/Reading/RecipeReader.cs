using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Recipes.Reading;

/// <summary>
/// Parses recipe JSON as Orchard does: // and /* */ comments allowed, trailing commas tolerated,
/// property names matched case-insensitively (real recipes mix "data" and "Data").
/// </summary>
public static class RecipeReader
{
    /// <summary>
    /// The largest single value read whole: a step, or one item of a Content step. The recipe itself may be
    /// larger (a Content step's items are read one at a time); what an upload may be is the admin's limit.
    /// </summary>
    public const int MaxValueBytes = 64 * 1024 * 1024;

    /// <summary>
    /// What System.Text.Json can write back: a deeper recipe would parse, then fail the dry run, the export or
    /// every page of the item. Deeper input is a reported error with its line, not a crash.
    /// </summary>
    public const int MaxDepth = 64;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth };
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth };

    public static JsonNode? ParseNode(string json) => JsonNode.Parse(json, NodeOptions, DocumentOptions);

    public static RecipeDocument? Parse(string json, RecipeProblems problems) => Parse(RecipeSource.FromText(json), problems);

    /// <summary>
    /// The recipe's root object, or null with the problems that prevent reading it. The items of a Content step
    /// (a step whose "name" comes before its "data", as in every Orchard export) stay in the source: they are
    /// checked for syntax and counted here, and read one at a time later (<see cref="StreamedArray"/>).
    /// </summary>
    public static RecipeDocument? Parse(RecipeSource source, RecipeProblems problems)
    {
        var streamed = new Dictionary<JsonObject, StreamedArray>(ReferenceEqualityComparer.Instance);
        var version = source.Version;
        try
        {
            using var cursor = Cursor(source.Open());
            if (!cursor.Read() || cursor.TokenType != JsonTokenType.StartObject)
            {
                problems.Error(null, null, "$", "A recipe must be a JSON object with a \"steps\" array.");
                return null;
            }

            var root = ReadObject(cursor, "$", name =>
                name.Equals("steps", StringComparison.OrdinalIgnoreCase) && cursor.TokenType == JsonTokenType.StartArray ? ReadSteps(cursor, source, version, streamed) : null);
            while (cursor.Read()) { } // what follows the root object is a syntax error, thrown by the reader
            return new RecipeDocument(root, streamed);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } l ? $"line {l + 1}, position {exception.BytePositionInLine + 1}" : "unknown position";
            problems.Error(null, null, "$", $"The recipe is not valid JSON ({line}): {FirstSentence(exception.Message)}");
        }
        catch (DuplicatePropertyException duplicate)
        {
            problems.Error(null, null, duplicate.Path, duplicate.Message);
        }
        catch (RecipeValueTooLargeException tooLarge)
        {
            problems.Error(null, null, "$", $"The recipe cannot be read: {tooLarge.Message}.");
        }

        return null;
    }

    internal static JsonStreamCursor Cursor(Stream stream, JsonStreamCursor.Checkpoint? from = null) =>
        new(stream, ReaderOptions, NodeOptions, DocumentOptions, MaxValueBytes, from);

    /// <summary>
    /// The object at the cursor, property by property. <paramref name="special"/> may read a property's value
    /// itself (the steps, a Content step's items) or return null; other values are read whole.
    /// </summary>
    private static JsonObject ReadObject(JsonStreamCursor cursor, string path, Func<string, JsonNode?> special)
    {
        var obj = new JsonObject(NodeOptions);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (cursor.Read() && cursor.TokenType == JsonTokenType.PropertyName)
        {
            var name = cursor.Text!;
            if (!seen.Add(name)) throw new DuplicatePropertyException(path, name);
            cursor.Read();
            var value = special(name) ?? cursor.ReadValue();
            if (ReferenceEquals(value, KeptInSource)) continue;
            var propertyPath = JsonPath.Property(path, name);
            if (FindDuplicateProperty(value, propertyPath) is { } duplicate) throw new DuplicatePropertyException(duplicate.Path, duplicate.Name);
            obj[name] = value;
        }

        return obj;
    }

    private static JsonArray ReadSteps(JsonStreamCursor cursor, RecipeSource source, string version, Dictionary<JsonObject, StreamedArray> streamed)
    {
        var steps = new JsonArray(NodeOptions);
        while (cursor.Read() && cursor.TokenType != JsonTokenType.EndArray)
        {
            if (cursor.TokenType != JsonTokenType.StartObject)
            {
                steps.Add(cursor.ReadValue());
                continue;
            }

            string? stepName = null;
            StreamedArray? data = null;
            var step = ReadObject(cursor, JsonPath.Index("$.steps", steps.Count), name =>
            {
                if (name.Equals("name", StringComparison.OrdinalIgnoreCase)) stepName = cursor.Text;
                if (!name.Equals("data", StringComparison.OrdinalIgnoreCase) || cursor.TokenType != JsonTokenType.StartArray
                    || !string.Equals(stepName, "content", StringComparison.OrdinalIgnoreCase)) return null;
                data = StreamedArray.Skim(cursor, source, version);
                return KeptInSource;
            });
            if (data is not null) streamed[step] = data;
            steps.Add(step);
        }

        return steps;
    }

    /// <summary>Returned for a property whose value stays in the source: it is not put in the tree.</summary>
    private static readonly JsonObject KeptInSource = new();

    private sealed class DuplicatePropertyException(string path, string name)
        : Exception($"The property \"{name}\" appears twice in one object (names are compared without case).")
    {
        public string Path { get; } = path;
    }

    /// <summary>Where an object in <paramref name="node"/> names a property twice, with the message to report.</summary>
    public static (string Path, string Message)? DuplicateProperty(JsonNode? node, string path) =>
        FindDuplicateProperty(node, path) is { } found ? (found.Path, new DuplicatePropertyException(found.Path, found.Name).Message) : null;

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

    /// <summary>Reads the header and checks the shape every recipe must have.</summary>
    /// <param name="source">The recipe's file, when it came from one: a recipe without a name is called after it.</param>
    public static RecipeDescriptor? Describe(RecipeDocument document, RecipeProblems problems, string? source = null)
    {
        var root = document.Root;
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
            stepArray,
            document.Streamed);
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
    JsonArray Steps,
    IReadOnlyDictionary<JsonObject, StreamedArray> Streamed)
{
    /// <summary>The items of a Content step, when the reader left them in the source.</summary>
    public StreamedArray? StreamedData(JsonObject step) => Streamed.GetValueOrDefault(step);
}

/// <summary>A recipe as read: its tree, without the Content steps' items the reader left in the source.</summary>
public sealed record RecipeDocument(JsonObject Root, IReadOnlyDictionary<JsonObject, StreamedArray> Streamed);
