using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Contents.Definitions;

/// <summary>
/// Reads definition settings the way Orchard writes them: nested in a named group
/// ({"TextFieldSettings": {"Required": true}}) or, in older recipes, flat ({"Position": "2"}), with
/// values as JSON types or as strings ("True", "5"). Keys match case-insensitively.
/// </summary>
public static class SettingsReader
{
    public static JsonNode? Get(JsonObject? settings, string group, string key)
    {
        if (settings is null) return null;
        if (Property(settings, group) is JsonObject nested && Property(nested, key) is { } value) return value;
        return Property(settings, key);
    }

    public static string? String(JsonObject? settings, string group, string key) => AsString(Get(settings, group, key));

    public static bool Bool(JsonObject? settings, string group, string key, bool fallback = false)
    {
        var node = Get(settings, group, key);
        if (node is JsonValue value)
        {
            if (value.TryGetValue<bool>(out var b)) return b;
            if (value.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed)) return parsed;
        }

        return fallback;
    }

    public static double? Number(JsonObject? settings, string group, string key)
    {
        var node = Get(settings, group, key);
        if (node is not JsonValue value) return null;
        if (value.GetValueKind() == JsonValueKind.Number && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        if (value.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        return null;
    }

    public static double Position(JsonObject? settings, string group) => Number(settings, group, "Position") ?? 0;

    public static string[] Strings(JsonObject? settings, string group, string key) =>
        Get(settings, group, key) is JsonArray array
            ? array.Select(AsString).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray()
            : [];

    public static JsonNode? Property(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
    }

    public static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Merges <paramref name="incoming"/> into <paramref name="target"/> recursively (Orchard's MergeSettings).</summary>
    public static void Merge(JsonObject target, JsonObject incoming)
    {
        foreach (var (key, value) in incoming)
        {
            var existingKey = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            if (value is JsonObject incomingObject && target[existingKey] is JsonObject existingObject)
            {
                Merge(existingObject, incomingObject);
            }
            else
            {
                target.Remove(existingKey);
                target[key] = value?.DeepClone();
            }
        }
    }
}
