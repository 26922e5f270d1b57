using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Display;

/// <summary>What a part view receives: the item being shown, the part on its type, its block (null for a part defined only by fields) and its JSON.</summary>
public sealed record PartDisplayModel(ContentDisplayModel Display, ContentTypePartDefinition TypePart, ContentPartType? Block, JsonObject Value, string DisplayType)
{
    public bool Flag(string setting) => Block is not null && SettingsReader.Bool(TypePart.Settings, Block.SettingsGroup, setting);
}

/// <summary>What a field view receives: the item, the part and field definitions, the field type and the field's JSON.</summary>
public sealed record FieldDisplayModel(ContentDisplayModel Display, ContentTypePartDefinition TypePart, ContentPartFieldDefinition Field, ContentFieldType Block, JsonObject Value, string DisplayType)
{
    public string Label => Field.DisplayName;

    public string? Setting(string name) => SettingsReader.String(Field.Settings, Block.SettingsGroup, name);

    public bool Flag(string name) => SettingsReader.Bool(Field.Settings, Block.SettingsGroup, name);

    /// <summary>A text property of the value ("" when absent or not text).</summary>
    public string Get(string property) => SettingsReader.Property(Value, property) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    public List<string> List(string property) => BlockJson.Strings(Value, property);
}
