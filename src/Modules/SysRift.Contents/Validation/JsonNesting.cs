using System.Text.Json.Nodes;

namespace SysRift.Contents.Validation;

/// <summary>
/// A bound on how deeply content JSON may nest. System.Text.Json writes at most 64 levels, so an item nested
/// deeper than that could be stored and then fail every page, editor, history and export that reads it.
/// Items are refused at 48 levels (Orchard's deepest real shapes, widgets in bags in flows, use about 20).
/// </summary>
public static class JsonNesting
{
    public const int MaxDepth = 48;

    /// <summary>The relative path ("Part.Field.Values[0]") of the first node deeper than <paramref name="limit"/>, or null.</summary>
    public static string? TooDeep(JsonNode? node, int limit = MaxDepth) => Find(node, "", 1, limit);

    private static string? Find(JsonNode? node, string path, int depth, int limit)
    {
        if (node is not (JsonObject or JsonArray)) return null;
        if (depth > limit) return path.Length == 0 ? "(root)" : path;
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
                if (Find(child, path.Length == 0 ? name : $"{path}.{name}", depth + 1, limit) is { } found) return found;
            return null;
        }

        var array = (JsonArray)node;
        for (var i = 0; i < array.Count; i++)
            if (Find(array[i], $"{path}[{i}]", depth + 1, limit) is { } found) return found;
        return null;
    }
}
