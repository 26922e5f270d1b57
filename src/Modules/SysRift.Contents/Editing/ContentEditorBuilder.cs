using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Contents.Parts;
using SysRift.Contents.Validation;
using SysRift.Core.Ids;

namespace SysRift.Contents.Editing;

/// <summary>
/// Generates an item's editor from its content definition: one editor per registered part on the type, then
/// one per field of the part's definition, in the type's order. Binding hands each block its posted input;
/// what the user typed is kept as typed (an unparsable number stays text) so the form shows it again with
/// the validator's message. Parts and fields no module registers are not shown, and their JSON is kept.
/// Nested items (FlowPart, BagPart) are items too: each gets the editors of its own type, named under its
/// parent's, and the form carries each item's JSON so that adding, moving and removing them is a form
/// round trip that loses nothing.
/// </summary>
public sealed class ContentEditorBuilder(ContentBuildingBlocks blocks, IServiceProvider services)
{
    /// <summary>The submit value that changes nested items without saving: "nested:{editor}:{add|up|down|remove}[:{index}]".</summary>
    public const string NestedCommandPrefix = "nested:";

    /// <summary>How deep nested items are given editors; deeper ones are kept as they are.</summary>
    public const int MaxEditorDepth = 4;

    public Task<List<EditorField>> DescribeAsync(ContentItem item, ContentTypeDefinition type, ContentDefinitionDocument definitions, CancellationToken cancellationToken = default) =>
        DescribeAsync(item, type, definitions, prefix: "", depth: 0, cancellationToken);

    private async Task<List<EditorField>> DescribeAsync(ContentItem item, ContentTypeDefinition type, ContentDefinitionDocument definitions, string prefix, int depth, CancellationToken cancellationToken)
    {
        var editors = new List<EditorField>();
        foreach (var typePart in type.OrderedParts())
        {
            var part = item.Part(typePart.Name);
            if (blocks.Part(typePart.PartName) is { } partType)
                editors.Add(new EditorField { Name = prefix + typePart.Name, Key = typePart.Name, Label = partType.Label, Block = partType, Settings = typePart.Settings, Value = part });

            foreach (var field in definitions.Part(typePart.PartName)?.OrderedFields() ?? [])
            {
                if (blocks.Field(field.FieldName) is not { } fieldType) continue;
                var key = $"{typePart.Name}.{field.Name}";
                editors.Add(new EditorField
                {
                    Name = prefix + key, Key = key, Label = field.DisplayName, Block = fieldType, Settings = field.Settings,
                    Value = part is null ? null : SettingsReader.Property(part, field.Name) as JsonObject,
                });
            }
        }

        foreach (var (key, value) in item.Content)
        {
            if (type.Part(key) is null && value is JsonObject attached && blocks.Part(key) is { AttachedToItems: true } partType)
                editors.Add(new EditorField { Name = prefix + key, Key = key, Label = partType.Label, Block = partType, Value = attached });
        }

        foreach (var editor in editors)
        {
            await editor.Block.DescribeAsync(editor, services, cancellationToken);
            if (editor.Block is NestedItemsPart nested) await DescribeNestedAsync(editor, nested, definitions, depth, cancellationToken);
        }

        return editors;
    }

    private async Task DescribeNestedAsync(EditorField editor, NestedItemsPart part, ContentDefinitionDocument definitions, int depth, CancellationToken cancellationToken)
    {
        editor.Nested.Clear();
        editor.AddableTypes.Clear();
        editor.AddableTypes.AddRange(part.AddableTypes(editor.Settings, editor.Value, definitions).Select(t => (t.Name, t.DisplayName is { Length: > 0 } d ? d : t.Name)));
        var index = 0;
        foreach (var json in part.Items(editor.Value))
        {
            var type = definitions.Type((string?)json["ContentType"] ?? "");
            var editors = type is null || depth >= MaxEditorDepth
                ? []
                : await DescribeAsync(ContentItem.FromJson(json), type, definitions, $"{editor.Name}.{index}.", depth + 1, cancellationToken);
            editor.Nested.Add(new NestedItemEditor(json, type, editors));
            index++;
        }
    }

    /// <summary>
    /// Writes the posted values of <paramref name="editors"/> into <paramref name="item"/>; other JSON in the parts is
    /// kept. Nested items are rebuilt from the JSON the form carried, with their editors' values bound on top, then
    /// the form's nested command (add, move, remove) is applied. Returns what the command did, for the editor to see.
    /// </summary>
    public async Task<string?> BindAsync(IFormCollection form, IEnumerable<EditorField> editors, ContentItem item, ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        var command = NestedCommand.Parse(form["submit"].ToString());
        string? done = null;
        foreach (var editor in editors) await BindOneAsync(form, editor, item, definitions, command, depth: 0, cancellationToken, d => done ??= d);
        return done;
    }

    private async Task<string?> BindNestedAsync(IFormCollection form, EditorField editor, NestedItemsPart part, JsonObject value, ContentDefinitionDocument definitions, NestedCommand? command, int depth, CancellationToken cancellationToken)
    {
        // A form that did not show the items (an older page, a client of its own) leaves them as stored.
        if (!form.ContainsKey(editor.Name + ".Items")) return null;

        string? done = null;
        var items = new List<JsonObject>();
        var index = 0;
        // The first value is an empty marker, so that removing the last item still posts the list.
        foreach (var posted in form[editor.Name + ".Items"].Where(p => !string.IsNullOrEmpty(p)))
        {
            var prefix = $"{editor.Name}.{index++}.";
            if (Parse(posted) is not { } json) continue;
            var type = definitions.Type((string?)json["ContentType"] ?? "");
            if (type is not null && depth < MaxEditorDepth)
            {
                var nested = ContentItem.FromJson(json);
                var nestedEditors = await DescribeAsync(nested, type, definitions, prefix, depth + 1, cancellationToken);
                foreach (var child in nestedEditors) await BindOneAsync(form, child, nested, definitions, command, depth + 1, cancellationToken, d => done ??= d);
                foreach (var (name, content) in nested.Content) json[name] = content?.DeepClone();
                if (DisplayText(nested, type) is { } text) json["DisplayText"] = text;
            }

            items.Add(json);
        }

        if (command is not null && command.Editor == editor.Name)
        {
            if (command is { Action: "add", Argument: "" }) command = command with { Argument = form[editor.Name + ".AddType"].ToString() };
            done = Apply(command, items, part, editor, definitions);
        }

        value[part.ItemsProperty] = new JsonArray(items.Select(i => (JsonNode)i).ToArray());
        editor.Value = value;
        await DescribeNestedAsync(editor, part, definitions, depth, cancellationToken);
        return done;
    }

    private async Task BindOneAsync(IFormCollection form, EditorField editor, ContentItem item, ContentDefinitionDocument definitions, NestedCommand? command, int depth, CancellationToken cancellationToken, Action<string> report)
    {
        if (editor.Block is ContentPartType)
        {
            var part = item.GetOrCreatePart(editor.Key);
            editor.Block.Bind(new EditorInput(form, editor, part));
            editor.Value = part;
            if (editor.Block is NestedItemsPart nested && await BindNestedAsync(form, editor, nested, part, definitions, command, depth, cancellationToken) is { } done) report(done);
            return;
        }

        var dot = editor.Key.IndexOf('.', StringComparison.Ordinal);
        var owner = item.GetOrCreatePart(editor.Key[..dot]);
        var value = owner[editor.Key[(dot + 1)..]] as JsonObject ?? new JsonObject();
        editor.Block.Bind(new EditorInput(form, editor, value));
        owner[editor.Key[(dot + 1)..]] = value;
        editor.Value = value;
    }

    /// <summary>The display text a nested item's parts give (its title, a menu link's text), in the type's order.</summary>
    private string? DisplayText(ContentItem item, ContentTypeDefinition type) =>
        type.OrderedParts().Select(p => blocks.Part(p.PartName) is { } block && item.Part(p.Name) is { } part ? block.DisplayTextOf(part) : null).FirstOrDefault(t => t is not null);

    private static string? Apply(NestedCommand command, List<JsonObject> items, NestedItemsPart part, EditorField editor, ContentDefinitionDocument definitions)
    {
        switch (command.Action)
        {
            case "add":
                var typeName = command.Argument;
                var type = part.AddableTypes(editor.Settings, editor.Value, definitions).FirstOrDefault(t => t.Name == typeName);
                if (type is null) return $"\"{typeName}\" cannot be added to {editor.Label}.";
                var json = new JsonObject { ["ContentItemId"] = IdGenerator.NewId(), ["ContentType"] = type.Name, ["DisplayText"] = "" };
                foreach (var typePart in type.ContentTypePartDefinitionRecords) json[typePart.Name] = new JsonObject();
                items.Add(json);
                return $"Added a {Label(type)} at the end of {editor.Label}.";
            case "up" or "down" or "remove" when int.TryParse(command.Argument, out var at) && at >= 0 && at < items.Count:
                var item = items[at];
                var name = Label(definitions.Type((string?)item["ContentType"] ?? "")) ?? (string?)item["ContentType"];
                if (command.Action == "remove")
                {
                    items.RemoveAt(at);
                    return $"Removed the {name} from {editor.Label}.";
                }

                var to = command.Action == "up" ? at - 1 : at + 1;
                if (to < 0 || to >= items.Count) return null;
                (items[at], items[to]) = (items[to], items[at]);
                return $"Moved the {name} {command.Action} in {editor.Label}.";
            default:
                return null;
        }

        static string? Label(ContentTypeDefinition? type) => type is null ? null : type.DisplayName is { Length: > 0 } d ? d : type.Name;
    }

    private static JsonObject? Parse(string? posted)
    {
        if (string.IsNullOrWhiteSpace(posted)) return null;
        try
        {
            return JsonNode.Parse(posted, documentOptions: new JsonDocumentOptions { MaxDepth = JsonNesting.MaxDepth + 2 }) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Puts each validation error on the editor whose name starts its path (the longest such name); the rest are for the form.</summary>
    public static List<string> AttachErrors(IEnumerable<ContentError> errors, IReadOnlyList<EditorField> editors)
    {
        var all = editors.SelectMany(e => e.SelfAndNested()).ToList();
        var general = new List<string>();
        foreach (var error in errors)
        {
            var editor = all.Where(f => error.Path == f.Name || error.Path.StartsWith(f.Name + ".", StringComparison.Ordinal))
                .MaxBy(f => f.Name.Length);
            if (editor is null) general.Add(error.Message);
            else editor.Errors.Add(error.Message);
        }

        return general;
    }

    /// <summary>A nested-items command from the submit button that was pressed.</summary>
    public sealed record NestedCommand(string Editor, string Action, string Argument)
    {
        public static NestedCommand? Parse(string submit)
        {
            if (!submit.StartsWith(NestedCommandPrefix, StringComparison.Ordinal)) return null;
            var rest = submit[NestedCommandPrefix.Length..];
            // The editor's name may hold dots but never a colon; the argument (a type name or an index) neither.
            var parts = rest.Split(':');
            return parts.Length is 2 or 3 ? new NestedCommand(parts[0], parts[1], parts.Length == 3 ? parts[2] : "") : null;
        }
    }
}
