using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;

namespace SysRift.Admin.ViewModels;

public sealed record ContentTypesViewModel(ContentDefinitionDocument Document, IReadOnlyDictionary<string, int> ItemCounts);

public sealed class NewContentTypeViewModel
{
    public string? Name { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, bool> Flags { get; init; } = new Dictionary<string, bool>();
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}

/// <summary>A type with its parts and fields, what can be added, and the last form's input and errors.</summary>
public sealed record ContentTypeEditViewModel(
    ContentTypeDefinition Type,
    ContentDefinitionDocument Document,
    ContentBuildingBlocks Blocks,
    int ItemCount,
    IReadOnlyDictionary<string, string> Posted,
    IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>Parts that can still be added: registered part types, and parts defined by fields that other types share.</summary>
    public IEnumerable<string> AddableParts =>
        Blocks.PartNames.Concat(Document.ContentPartDefinitionRecords.Where(p => p.ContentPartFieldDefinitionRecords.Count > 0 && Document.Type(p.Name) is null).Select(p => p.Name))
            .Where(name => Type.Part(name) is null).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    public string? Error(string key) => Errors.TryGetValue(key, out var error) ? error : null;

    public string PostedOr(string key, string fallback) => Posted.TryGetValue(key, out var value) ? value : fallback;
}

/// <summary>The settings form of one block on one type: a field (with its display name) or a registered part.</summary>
public sealed record BlockSettingsViewModel(
    ContentTypeDefinition Type,
    ContentBlock Block,
    string Action,
    string Title,
    string? DisplayName,
    IReadOnlyList<(BlockSetting Setting, string Value)> Values,
    IReadOnlyDictionary<string, string> Errors)
{
    public static BlockSettingsViewModel For(ContentTypeDefinition type, ContentBlock block, JsonObject settings, string action, string title, string? displayName,
        IReadOnlyDictionary<string, string>? posted = null, IReadOnlyDictionary<string, string>? errors = null) =>
        new(type, block, action, title, displayName,
            block.Settings.Select(s => (s, posted is null ? s.FormText(settings, block.GroupOf(s)) : posted.GetValueOrDefault(s.Name) ?? "")).ToList(),
            errors ?? new Dictionary<string, string>());

    public string? Error(string key) => Errors.TryGetValue(key, out var error) ? error : null;
}
