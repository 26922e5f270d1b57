using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Editing;

/// <summary>
/// One editor of a generated content form: a part's own editor (Name "TitlePart") or a field's
/// ("Principle.Order"). The name is the form name and the start of the validation paths of its errors,
/// so every error lands next to its input. The block's editor view renders it from the stored value.
/// </summary>
public sealed class EditorField
{
    /// <summary>The form name: <see cref="Key"/> itself, or inside a nested item "FlowPart.0.HtmlBodyPart".</summary>
    public required string Name { get; init; }

    /// <summary>Where the editor writes within its item: the part ("TitlePart") or "Part.Field".</summary>
    public string Key { get; init; } = "";
    public required string Label { get; init; }
    public required ContentBlock Block { get; init; }

    /// <summary>The definition's settings (the field's, or the part's on its type); the block's group is read by <see cref="Setting"/>.</summary>
    public JsonObject Settings { get; init; } = [];

    /// <summary>The stored (or just posted) object: the field's value, or the part itself for a part editor.</summary>
    public JsonObject? Value { get; set; }

    /// <summary>Choices the block offers (MultiTextField options, ContentPickerField candidates): (value, label).</summary>
    public List<(string Value, string Label)> Options { get; set; } = [];

    /// <summary>Values to suggest while typing (a datalist), where any value is allowed.</summary>
    public List<string> Suggestions { get; set; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>For a part of nested items (FlowPart, BagPart): one editor per item, in order.</summary>
    public List<NestedItemEditor> Nested { get; } = [];

    /// <summary>For a part of nested items: the types an editor may add (value, label).</summary>
    public List<(string Value, string Label)> AddableTypes { get; } = [];

    /// <summary>This editor and every editor of its nested items, depth first.</summary>
    public IEnumerable<EditorField> SelfAndNested() => Nested.SelectMany(n => n.Editors).SelectMany(e => e.SelfAndNested()).Prepend(this);

    public string Id => "f-" + Name.Replace('.', '-');

    public string? Hint => Setting("Hint") is { Length: > 0 } hint ? hint : null;

    public bool Required => Flag("Required");

    public string? Setting(string name) => SettingsReader.String(Settings, Block.SettingsGroup, name);

    public double? Number(string name) => SettingsReader.Number(Settings, Block.SettingsGroup, name);

    public bool Flag(string name) => SettingsReader.Bool(Settings, Block.SettingsGroup, name);

    /// <summary>The editor setting Orchard keeps for every field (ContentPartFieldSettings.Editor: "TextArea").</summary>
    public string EditorSetting => SettingsReader.String(Settings, "ContentPartFieldSettings", "Editor") ?? "";

    /// <summary>A property of the value as form text: a string as is, anything else as its JSON.</summary>
    public string Get(string property) => BlockJson.Text(Value, property);

    /// <summary>A list property of the value (Values, ContentItemIds), its text entries only.</summary>
    public List<string> List(string property) => BlockJson.Strings(Value, property);

    /// <summary>The aria-describedby of the main input: the hint and the error, when there are any.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Errors.Count > 0 ? Id + "-error" : null }.Where(x => x is not null));
            return ids.Length > 0 ? ids : null;
        }
    }

    public string? Invalid => Errors.Count > 0 ? "true" : null;

    public string LabelText => Label + (Required ? " (required)" : "");
}
