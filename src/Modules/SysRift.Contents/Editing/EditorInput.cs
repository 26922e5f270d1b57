using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SysRift.Contents.Editing;

/// <summary>What a block binds from: the posted form under the editor's name, and the value to write into.</summary>
public sealed class EditorInput(IFormCollection form, EditorField editor, JsonObject value)
{
    public EditorField Editor { get; } = editor;

    /// <summary>The field's value object (or the part itself); properties the editor does not show stay as they were.</summary>
    public JsonObject Value { get; } = value;

    /// <summary>The posted text of the input named after the editor, or "{name}.{suffix}".</summary>
    public string Text(string? suffix = null) => form[Key(suffix)].ToString();

    /// <summary>Every non-empty posted value of a multi-value input, each once.</summary>
    public List<string> All(string? suffix = null) =>
        form[Key(suffix)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private string Key(string? suffix) => suffix is null ? Editor.Name : $"{Editor.Name}.{suffix}";
}
