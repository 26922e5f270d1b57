using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Signals;

namespace SysRift.Admin.ContentTypes;

/// <summary>
/// What the content type editor changes, each change in one transaction: the definitions are read fresh
/// under a lock (two administrators never overwrite each other's change), altered, checked, saved with
/// an audit entry, and announced on the definitions topic so every node and every open editor sees the
/// new shape at once. Stored content is never rewritten: a removed field's values stay in the versions.
/// </summary>
public sealed class ContentTypeEditor(SysRiftDbContext db, DocumentStore documents, AuditTrail audit, ContentBuildingBlocks blocks)
{
    public const string SettingsGroup = "ContentTypeSettings";

    /// <summary>The type settings the editor offers, as Orchard names them.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, string Hint)> TypeFlags =
    [
        ("Creatable", "Creatable", "Editors can make new items of it in the admin."),
        ("Listable", "Listable", "It appears in content lists."),
        ("Draftable", "Draftable", "Items can be saved as drafts before they are published."),
        ("Versionable", "Versionable", "Every save keeps a version in the history."),
        ("Singleton", "Singleton", "The site has at most one item of it (a home page, an About page)."),
    ];

    public Task<ContentTypeChange> CreateTypeAsync(string user, string? name, string? displayName, IReadOnlyDictionary<string, bool> flags, string? description, CancellationToken cancellationToken) =>
        ApplyAsync(user, "CreateType", name = Named(name, displayName), change =>
        {
            if (ContentTypeNames.Problem(name, "type") is { } problem) change.Error("Name", problem);
            else if (change.Document.Type(name!) is not null) change.Error("Name", $"There is a type \"{name}\" already.");
            else if (blocks.Part(name!) is not null || change.Document.Part(name!) is not null) change.Error("Name", $"\"{name}\" is the name of a part; a type needs a name of its own.");
            if (string.IsNullOrWhiteSpace(displayName)) change.Error("DisplayName", "Give the type a display name.");
            if (change.Failed) return;

            var type = new ContentTypeDefinition { Name = name!, DisplayName = displayName!.Trim() };
            WriteTypeSettings(type, flags, description);
            // Its own part, named like it, holds the fields added to the type; the title comes first.
            type.ContentTypePartDefinitionRecords.Add(TypePart("TitlePart", 0));
            type.ContentTypePartDefinitionRecords.Add(TypePart(type.Name, 1));
            change.Document.ContentTypeDefinitionRecords.Add(type);
            change.Document.ContentPartDefinitionRecords.Add(new ContentPartDefinition { Name = type.Name });
            change.Summary = $"Type {type.Name} (\"{type.DisplayName}\") created with TitlePart and its own part.";
            change.Created = type.Name;
        }, cancellationToken);

    public Task<ContentTypeChange> UpdateTypeAsync(string user, string typeName, string? postedName, string? displayName, IReadOnlyDictionary<string, bool> flags, string? description, CancellationToken cancellationToken) =>
        ApplyAsync(user, "UpdateType", typeName, async change =>
        {
            if (change.Type(typeName) is not { } type) return;
            if (postedName is not null && !string.Equals(postedName.Trim(), type.Name, StringComparison.Ordinal))
                change.Error("Name", $"The technical name \"{type.Name}\" cannot change: stored items, recipes and views refer to it. Create a new type instead, or change the display name.");
            if (string.IsNullOrWhiteSpace(displayName)) change.Error("DisplayName", "Give the type a display name.");
            if (flags.GetValueOrDefault("Singleton") && await db.ContentItems.CountAsync(i => i.ContentType == type.Name && i.Status != ContentStatus.Deleted, cancellationToken) > 1)
                change.Error("Singleton", $"There are several {type.DisplayName} items; delete all but one before making the type a singleton.");
            if (change.Failed) return;
            var before = Describe(type);
            type.DisplayName = displayName!.Trim();
            WriteTypeSettings(type, flags, description);
            change.Summary = $"Before: {before}. After: {Describe(type)}.";
        }, cancellationToken);

    public Task<ContentTypeChange> DeleteTypeAsync(string user, string typeName, CancellationToken cancellationToken) =>
        ApplyAsync(user, "DeleteType", typeName, async change =>
        {
            if (change.Type(typeName) is not { } type) return;
            var items = await db.ContentItems.CountAsync(i => i.ContentType == type.Name, cancellationToken);
            if (items > 0)
            {
                change.Error("", $"{type.DisplayName} has {items} item(s), counting the trash; only a type without items can be deleted.");
                return;
            }

            change.Document.ContentTypeDefinitionRecords.Remove(type);
            // Its own part goes with it unless another type uses that part too.
            if (change.Document.Part(type.Name) is { } own && !change.Document.ContentTypeDefinitionRecords.Any(t => t.HasPart(type.Name)))
                change.Document.ContentPartDefinitionRecords.Remove(own);
            change.Summary = $"Type {type.Name} deleted.";
        }, cancellationToken);

    public Task<ContentTypeChange> AddPartAsync(string user, string typeName, string? partName, CancellationToken cancellationToken) =>
        ApplyAsync(user, "AddPart", typeName, change =>
        {
            if (change.Type(typeName) is not { } type) return;
            if (string.IsNullOrWhiteSpace(partName) || (blocks.Part(partName) is null && change.Document.Part(partName) is null))
                change.Error("PartName", "Choose a part to add.");
            else if (type.Part(partName) is not null) change.Error("PartName", $"{type.DisplayName} has {partName} already.");
            if (change.Failed) return;
            type.ContentTypePartDefinitionRecords.Add(TypePart(partName!, NextPosition(type.OrderedParts().Select(p => p.Settings), "ContentTypePartSettings")));
            change.Summary = $"{partName} added to {type.Name}.";
        }, cancellationToken);

    public Task<ContentTypeChange> RemovePartAsync(string user, string typeName, string partName, CancellationToken cancellationToken) =>
        ApplyAsync(user, "RemovePart", typeName, change =>
        {
            if (change.Type(typeName) is not { } type) return;
            if (type.Part(partName) is not { } part)
            {
                change.Error("", $"{type.DisplayName} has no part {partName}.");
                return;
            }

            type.ContentTypePartDefinitionRecords.Remove(part);
            change.Summary = $"{part.Name} removed from {type.Name}; stored values stay in the items' versions.";
        }, cancellationToken);

    public Task<ContentTypeChange> MovePartAsync(string user, string typeName, string partName, int offset, CancellationToken cancellationToken) =>
        ApplyAsync(user, "MovePart", typeName, change =>
        {
            if (change.Type(typeName) is not { } type) return;
            var ordered = type.OrderedParts().ToList();
            if (Move(ordered, ordered.FindIndex(p => string.Equals(p.Name, partName, StringComparison.OrdinalIgnoreCase)), offset) is not { } moved)
            {
                change.Error("", $"{partName} cannot move that way.");
                return;
            }

            Renumber(moved.Select(p => p.Settings), "ContentTypePartSettings");
            change.Summary = $"Parts of {type.Name}: {string.Join(", ", moved.Select(p => p.Name))}.";
        }, cancellationToken);

    public Task<ContentTypeChange> AddFieldAsync(string user, string typeName, string partName, string? fieldType, string? name, string? displayName, CancellationToken cancellationToken) =>
        ApplyAsync(user, "AddField", typeName, change =>
        {
            name = Named(name, displayName);
            if (change.Type(typeName) is not { } type) return;
            if (type.Part(partName) is not { } typePart)
            {
                change.Error("", $"{type.DisplayName} has no part {partName}.");
                return;
            }

            var part = change.Document.Part(typePart.PartName);
            if (string.IsNullOrWhiteSpace(fieldType) || blocks.Field(fieldType) is null) change.Error("FieldType", "Choose a field type.");
            if (ContentTypeNames.Problem(name, "field") is { } problem) change.Error("FieldName", problem);
            else if (part?.Field(name!) is not null) change.Error("FieldName", $"{typePart.PartName} has a field \"{name}\" already.");
            if (change.Failed) return;

            if (part is null) change.Document.ContentPartDefinitionRecords.Add(part = new ContentPartDefinition { Name = typePart.PartName });
            var field = new ContentPartFieldDefinition { FieldName = blocks.Field(fieldType!)!.Name, Name = name!, Settings = [] };
            field.Settings["ContentPartFieldSettings"] = new JsonObject
            {
                ["DisplayName"] = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
                ["Position"] = NextPosition(part.ContentPartFieldDefinitionRecords.Select(f => f.Settings), "ContentPartFieldSettings").ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            part.ContentPartFieldDefinitionRecords.Add(field);
            change.Summary = $"{field.FieldName} {part.Name}.{field.Name} (\"{field.DisplayName}\") added.";
            change.Created = field.Name;
        }, cancellationToken);

    public Task<ContentTypeChange> RemoveFieldAsync(string user, string typeName, string partName, string fieldName, CancellationToken cancellationToken) =>
        ApplyAsync(user, "RemoveField", typeName, change =>
        {
            if (FindField(change, typeName, partName, fieldName) is not { } found) return;
            var (part, field) = found;
            part.ContentPartFieldDefinitionRecords.Remove(field);
            change.Summary = $"{part.Name}.{field.Name} removed; stored values stay in the items' versions.";
        }, cancellationToken);

    public Task<ContentTypeChange> MoveFieldAsync(string user, string typeName, string partName, string fieldName, int offset, CancellationToken cancellationToken) =>
        ApplyAsync(user, "MoveField", typeName, change =>
        {
            if (FindField(change, typeName, partName, fieldName) is not { } found) return;
            var (part, field) = found;
            var ordered = part.OrderedFields().ToList();
            if (Move(ordered, ordered.IndexOf(field), offset) is not { } moved)
            {
                change.Error("", $"{field.DisplayName} cannot move that way.");
                return;
            }

            Renumber(moved.Select(f => f.Settings), "ContentPartFieldSettings");
            change.Summary = $"Fields of {part.Name}: {string.Join(", ", moved.Select(f => f.Name))}.";
        }, cancellationToken);

    /// <summary>Saves a field's display name and the settings its block declares; each error names its setting.</summary>
    public Task<ContentTypeChange> UpdateFieldAsync(string user, string typeName, string partName, string fieldName, string? displayName, IReadOnlyDictionary<string, string> posted, CancellationToken cancellationToken) =>
        ApplyAsync(user, "UpdateField", typeName, change =>
        {
            if (FindField(change, typeName, partName, fieldName) is not { } found) return;
            var (part, field) = found;
            if (string.IsNullOrWhiteSpace(displayName)) change.Error("DisplayName", "Give the field a display name.");
            var before = field.Settings.ToJsonString();
            WriteBlockSettings(change, blocks.Field(field.FieldName), field.Settings, posted);
            if (change.Failed) return;
            var common = field.Settings["ContentPartFieldSettings"] as JsonObject ?? new JsonObject();
            common["DisplayName"] = displayName!.Trim();
            field.Settings["ContentPartFieldSettings"] = common;
            change.Summary = $"{part.Name}.{field.Name}: before {before}, after {field.Settings.ToJsonString()}.";
        }, cancellationToken);

    /// <summary>Saves the settings a registered part declares, on one type (TitlePart's Required).</summary>
    public Task<ContentTypeChange> UpdatePartAsync(string user, string typeName, string partName, IReadOnlyDictionary<string, string> posted, CancellationToken cancellationToken) =>
        ApplyAsync(user, "UpdatePart", typeName, change =>
        {
            if (change.Type(typeName) is not { } type) return;
            if (type.Part(partName) is not { } typePart || blocks.Part(typePart.PartName) is not { } block)
            {
                change.Error("", $"{type.DisplayName} has no part {partName} with settings.");
                return;
            }

            var before = typePart.Settings.ToJsonString();
            WriteBlockSettings(change, block, typePart.Settings, posted);
            change.Summary = $"{type.Name}.{typePart.Name}: before {before}, after {typePart.Settings.ToJsonString()}.";
        }, cancellationToken);

    private async Task<ContentTypeChange> ApplyAsync(string user, string action, string subject, Func<ContentTypeChange, Task> alter, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync("definitions", cancellationToken);
        var document = await documents.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentName, cancellationToken) ?? new ContentDefinitionDocument();
        var change = new ContentTypeChange(document);
        await alter(change);
        if (change.Failed)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return change;
        }

        await documents.SaveAsync(ContentDefinitionDocument.DocumentName, document, ChangeTopics.Definitions, cancellationToken);
        audit.Add(user, AuditTrail.Categories.ContentTypes, action, subject, document.Type(subject)?.DisplayName ?? subject, change.Summary);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return change;
    }

    private Task<ContentTypeChange> ApplyAsync(string user, string action, string subject, Action<ContentTypeChange> alter, CancellationToken cancellationToken) =>
        ApplyAsync(user, action, subject, change =>
        {
            alter(change);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Reads each declared setting from the form into the settings; the block then checks them as a whole.</summary>
    private static void WriteBlockSettings(ContentTypeChange change, ContentBlock? block, JsonObject settings, IReadOnlyDictionary<string, string> posted)
    {
        if (block is null) return;
        foreach (var setting in block.Settings)
        {
            var value = setting.Read(posted.GetValueOrDefault(setting.Name) ?? "", message => change.Error(setting.Name, message));
            setting.Write(settings, block.GroupOf(setting), value);
        }

        block.CheckSettings(settings, (setting, message) =>
        {
            if (!change.Errors.ContainsKey(setting)) change.Error(setting, message);
        });
    }

    private static (ContentPartDefinition Part, ContentPartFieldDefinition Field)? FindField(ContentTypeChange change, string typeName, string partName, string fieldName)
    {
        if (change.Type(typeName) is not { } type) return null;
        if (type.Part(partName) is { } typePart && change.Document.Part(typePart.PartName) is { } part && part.Field(fieldName) is { } field) return (part, field);
        change.Error("", $"{type.DisplayName} has no field {partName}.{fieldName}.");
        return null;
    }

    private static void WriteTypeSettings(ContentTypeDefinition type, IReadOnlyDictionary<string, bool> flags, string? description)
    {
        var settings = type.Settings[SettingsGroup] as JsonObject ?? new JsonObject();
        foreach (var (name, _, _) in TypeFlags) settings[name] = flags.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(description)) settings.Remove("Description");
        else settings["Description"] = description.Trim();
        type.Settings[SettingsGroup] = settings;
    }

    /// <summary>The given technical name, or one made from the display name when none was typed.</summary>
    private static string Named(string? name, string? displayName) =>
        string.IsNullOrWhiteSpace(name) ? ContentTypeNames.FromDisplayName(displayName ?? "") : name.Trim();

    private static string Describe(ContentTypeDefinition type) =>
        $"\"{type.DisplayName}\" " + string.Join(", ", TypeFlags.Select(f => $"{f.Name}={SettingsReader.Bool(type.Settings, SettingsGroup, f.Name)}"));

    private static ContentTypePartDefinition TypePart(string partName, double position) => new()
    {
        PartName = partName, Name = partName,
        Settings = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
    };

    private static double NextPosition(IEnumerable<JsonObject> settings, string group) =>
        settings.Select(s => SettingsReader.Position(s, group)).DefaultIfEmpty(-1).Max() + 1;

    private static List<T>? Move<T>(List<T> ordered, int index, int offset)
    {
        var target = index + offset;
        if (index < 0 || target < 0 || target >= ordered.Count) return null;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        return ordered;
    }

    /// <summary>Positions 0, 1, 2... in the given order, written as Orchard writes them (text).</summary>
    private static void Renumber(IEnumerable<JsonObject> settings, string group)
    {
        var position = 0;
        foreach (var entry in settings)
        {
            var target = entry[group] as JsonObject ?? new JsonObject();
            target["Position"] = (position++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            entry[group] = target;
        }
    }
}
