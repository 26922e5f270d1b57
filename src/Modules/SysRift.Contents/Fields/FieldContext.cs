using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Validation;

namespace SysRift.Contents.Fields;

/// <summary>One field value being validated: the value, its definition, where it sits, and the error list.</summary>
public sealed class FieldContext(JsonObject? value, ContentPartFieldDefinition definition, string path, List<ContentError> errors)
{
    public JsonObject? Value { get; } = value;
    public ContentPartFieldDefinition Definition { get; } = definition;
    public string Path { get; } = path;

    public string Group => Definition.FieldName + "Settings";

    public bool Required => SettingsReader.Bool(Definition.Settings, Group, "Required");

    public void Error(string property, string message) => errors.Add(new ContentError($"{Path}.{property}", $"{Definition.DisplayName} {message}"));

    public JsonNode? Property(string name) => Value is null ? null : SettingsReader.Property(Value, name);

    /// <summary>The string in <paramref name="name"/>; reports a type error and returns null when it is not one.</summary>
    public string? StringProperty(string name)
    {
        var node = Property(name);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        Error(name, "must be text.");
        return null;
    }

    public void RequireWhenEmpty(string property, bool empty)
    {
        if (empty && Required) Error(property, "is required.");
    }
}
