using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>Typed reads of step JSON that report a problem at the exact path when the shape is wrong.</summary>
public static class StepJson
{
    public static JsonArray? OptionalArray(StepContext context, JsonObject parent, string parentPath, string key)
    {
        var node = SettingsReader.Property(parent, key);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return null;
        if (node is JsonArray array) return array;
        context.Error(JsonPath.Property(parentPath, key), $"\"{key}\" must be an array.");
        return null;
    }

    public static string? RequiredString(StepContext context, JsonObject parent, string parentPath, string key)
    {
        var node = SettingsReader.Property(parent, key);
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetValue<string>())) return v.GetValue<string>();
        context.Error(JsonPath.Property(parentPath, key), node is null ? $"\"{key}\" is required." : $"\"{key}\" must be non-empty text.");
        return null;
    }

    public static string? OptionalString(StepContext context, JsonObject parent, string parentPath, string key)
    {
        var node = SettingsReader.Property(parent, key);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        context.Error(JsonPath.Property(parentPath, key), $"\"{key}\" must be text.");
        return null;
    }

    public static JsonObject OptionalObject(StepContext context, JsonObject parent, string parentPath, string key)
    {
        var node = SettingsReader.Property(parent, key);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return [];
        if (node is JsonObject obj) return obj;
        context.Error(JsonPath.Property(parentPath, key), $"\"{key}\" must be an object.");
        return [];
    }

    public static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= 128 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
