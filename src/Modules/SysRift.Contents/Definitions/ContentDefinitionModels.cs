using System.Text.Json.Nodes;

namespace SysRift.Contents.Definitions;

// The shapes and property names are Orchard Core's ContentDefinitionRecord, so a stored definition
// exports to a recipe ContentDefinition step without translation.

/// <summary>All content definitions of a site, stored as one document.</summary>
public sealed class ContentDefinitionDocument
{
    public const string DocumentName = "ContentDefinitions";

    public List<ContentTypeDefinition> ContentTypeDefinitionRecords { get; set; } = [];
    public List<ContentPartDefinition> ContentPartDefinitionRecords { get; set; } = [];

    public ContentTypeDefinition? Type(string name) =>
        ContentTypeDefinitionRecords.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What editors read for a type ("About page"): its display name, else its technical name.</summary>
    public string DisplayNameOf(string type) => Type(type)?.DisplayName is { Length: > 0 } name ? name : type;

    public ContentPartDefinition? Part(string name) =>
        ContentPartDefinitionRecords.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A content type: a name and the parts it is made of.</summary>
public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
    public List<ContentTypePartDefinition> ContentTypePartDefinitionRecords { get; set; } = [];

    public ContentTypePartDefinition? Part(string name) =>
        ContentTypePartDefinitionRecords.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether editors create items of it (Orchard's ContentTypeSettings.Creatable, false unless set).</summary>
    public bool IsCreatable => SettingsReader.Bool(Settings, "ContentTypeSettings", "Creatable");

    /// <summary>SysRift's ContentTypeSettings.Singleton: the site has at most one item of it (the home page, About).</summary>
    public bool IsSingleton => SettingsReader.Bool(Settings, "ContentTypeSettings", "Singleton");

    public bool HasPart(string partName) =>
        ContentTypePartDefinitionRecords.Any(p => string.Equals(p.PartName, partName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parts in editor order (ContentTypePartSettings.Position).</summary>
    public IEnumerable<ContentTypePartDefinition> OrderedParts() =>
        ContentTypePartDefinitionRecords.OrderBy(p => SettingsReader.Position(p.Settings, "ContentTypePartSettings"));
}

/// <summary>A part on a type. Name is the property name in item JSON; PartName the part it is an instance of.</summary>
public sealed class ContentTypePartDefinition
{
    public string PartName { get; set; } = "";
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
}

/// <summary>A reusable or type-named part and its fields.</summary>
public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
    public List<ContentPartFieldDefinition> ContentPartFieldDefinitionRecords { get; set; } = [];

    public ContentPartFieldDefinition? Field(string name) =>
        ContentPartFieldDefinitionRecords.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ContentPartFieldDefinition> OrderedFields() =>
        ContentPartFieldDefinitionRecords.OrderBy(f => SettingsReader.Position(f.Settings, "ContentPartFieldSettings"));
}

/// <summary>A field on a part. FieldName is the field type (TextField ...); Name its property name.</summary>
public sealed class ContentPartFieldDefinition
{
    public string FieldName { get; set; } = "";
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];

    public string DisplayName =>
        SettingsReader.String(Settings, "ContentPartFieldSettings", "DisplayName") is { Length: > 0 } name ? name : Name;
}
