using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Contents.Validation;

namespace SysRift.Contents.Blocks;

/// <summary>
/// One value being validated: a field's object or a part's object, the settings of its definition, its
/// JSON path in the item, and the error list. Messages start with the block's label ("Statement is required.").
/// </summary>
public sealed class BlockValue(JsonObject? value, JsonObject settings, string group, string label, string path, List<ContentError> errors)
{
    public JsonObject? Value { get; } = value;
    public JsonObject Settings { get; } = settings;
    public string Label { get; } = label;
    public string Path { get; } = path;

    public bool Required => Flag("Required");

    public bool Flag(string setting, bool fallback = false) => SettingsReader.Bool(Settings, group, setting, fallback);

    public double? Number(string setting) => SettingsReader.Number(Settings, group, setting);

    public string? Text(string setting) => SettingsReader.String(Settings, group, setting);

    public string[] Names(string setting) => SettingsReader.Strings(Settings, group, setting);

    public List<(string Value, string Label)> Options(string setting) => BlockSetting.ReadOptions(Settings, group, setting);

    /// <summary>An error on <paramref name="property"/>: "{Label} {message}".</summary>
    public void Error(string property, string message) => errors.Add(new ContentError($"{Path}.{property}", $"{Label} {message}"));

    /// <summary>An error on <paramref name="property"/> whose message is complete as given.</summary>
    public void ErrorAsIs(string property, string message) => errors.Add(new ContentError($"{Path}.{property}", message));

    public JsonNode? Property(string name) => Value is null ? null : SettingsReader.Property(Value, name);

    /// <summary>The string in <paramref name="name"/>; reports a type error and returns null when it is not one.</summary>
    public string? StringProperty(string name)
    {
        var node = Property(name);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        Error(name, "must be text.");
        return null;
    }

    public void RequireWhenEmpty(string property, bool empty)
    {
        if (empty && Required) Error(property, "is required.");
    }
}

/// <summary>The settings of one block instance under check; errors name the setting.</summary>
public sealed class BlockSettingsCheck(JsonObject settings, string group, Action<string, string> error)
{
    public JsonObject Settings { get; } = settings;

    public double? Number(string setting) => SettingsReader.Number(Settings, group, setting);

    public string? Text(string setting) => SettingsReader.String(Settings, group, setting);

    public void Error(string setting, string message) => error(setting, message);
}
