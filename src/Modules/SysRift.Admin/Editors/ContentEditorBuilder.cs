using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Contents.Fields;
using SysRift.Contents.Items;
using SysRift.Contents.Validation;
using SysRift.Core.Data;

namespace SysRift.Admin.Editors;

/// <summary>
/// Generates an item's editor from its content definition and binds a posted form back into the item's
/// Orchard-shaped JSON. Form names are the validation paths ("Part.Field"), so every error lands next to
/// its field. What the user typed is bound as typed (an unparsable number stays text) so the form can be
/// shown again with their input and the validator's message.
/// </summary>
public sealed class ContentEditorBuilder(SysRiftDbContext db, ContentValidator validator)
{
    public async Task<List<EditorField>> DescribeAsync(ContentItem item, ContentTypeDefinition type, ContentDefinitionDocument definitions, CancellationToken cancellationToken = default)
    {
        var fields = new List<EditorField>();
        foreach (var typePart in type.OrderedParts())
        {
            switch (typePart.PartName)
            {
                case "TitlePart":
                    fields.Add(new EditorField
                    {
                        Name = $"{typePart.Name}.Title", PartProperty = true, Label = "Title", Kind = EditorKind.Text, MaxLength = Contents.Parts.TitlePart.MaxLength,
                        Required = SettingsReader.Bool(typePart.Settings, "TitlePartSettings", "Required"),
                        Value = Text(item.Part(typePart.Name)?["Title"]),
                    });
                    break;
                case "AutoroutePart":
                    fields.Add(new EditorField
                    {
                        Name = $"{typePart.Name}.Path", PartProperty = true, Label = "URL path", Kind = EditorKind.Path, MaxLength = Contents.Parts.AutoroutePart.MaxLength,
                        Hint = "Lowercase words joined by '-', such as articles/my-article. Left empty, it is made from the title.",
                        Value = Text(item.Part(typePart.Name)?["Path"]),
                    });
                    break;
                case "MarkdownBodyPart":
                    fields.Add(new EditorField
                    {
                        Name = $"{typePart.Name}.Markdown", PartProperty = true, Label = "Body", Kind = EditorKind.Markdown,
                        Hint = "Markdown. Raw HTML is shown as text; the preview uses the site's own renderer.",
                        Value = Text(item.Part(typePart.Name)?["Markdown"]),
                    });
                    break;
                default:
                    if (validator.Classify(typePart, type, definitions) != ContentValidator.PartKind.Custom) break;
                    foreach (var field in definitions.Part(typePart.PartName)?.OrderedFields() ?? [])
                    {
                        if (await DescribeFieldAsync(item.Part(typePart.Name), typePart.Name, field, cancellationToken) is { } described)
                            fields.Add(described);
                    }

                    break;
            }
        }

        return fields;
    }

    private async Task<EditorField?> DescribeFieldAsync(JsonObject? part, string partName, ContentPartFieldDefinition field, CancellationToken cancellationToken)
    {
        var settings = field.Settings;
        var group = field.FieldName + "Settings";
        var value = part is null ? null : SettingsReader.Property(part, field.Name) as JsonObject;
        var editor = SettingsReader.String(settings, "ContentPartFieldSettings", "Editor") ?? "";
        var name = $"{partName}.{field.Name}";
        var hint = SettingsReader.String(settings, group, "Hint");
        var required = SettingsReader.Bool(settings, group, "Required");
        switch (field.FieldName)
        {
            case "TextField":
                return new EditorField
                {
                    Name = name, Label = field.DisplayName, Hint = hint, Required = required,
                    Kind = editor.Equals("TextArea", StringComparison.OrdinalIgnoreCase) || editor.Equals("Multiline", StringComparison.OrdinalIgnoreCase) ? EditorKind.TextArea : EditorKind.Text,
                    MaxLength = SettingsReader.Number(settings, group, "MaxLength") is { } max ? (int)max : null,
                    Pattern = SettingsReader.String(settings, group, "Pattern"),
                    Value = Text(value?["Text"]),
                };
            case "MarkdownField":
                return new EditorField { Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.Markdown, Value = Text(value?["Markdown"]) };
            case "NumericField":
                var scale = (int)(SettingsReader.Number(settings, group, "Scale") ?? 0);
                return new EditorField
                {
                    Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.Number,
                    Minimum = SettingsReader.Number(settings, group, "Minimum"), Maximum = SettingsReader.Number(settings, group, "Maximum"),
                    Step = Math.Pow(10, -scale), Value = Raw(value?["Value"]),
                };
            case "BooleanField":
                return new EditorField { Name = name, Label = field.DisplayName, Hint = hint, Kind = EditorKind.Boolean, Value = BooleanField.Read(value) ? "true" : "" };
            case "DateField":
                return new EditorField { Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.Date, Value = Text(value?["Value"]) };
            case "DateTimeField":
                return new EditorField { Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.DateTime, Value = Text(value?["Value"]) };
            case "TimeField":
                return new EditorField { Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.Time, Value = Text(value?["Value"]) };
            case "LinkField":
                return new EditorField { Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.Link, Value = Text(value?["Url"]), Value2 = Text(value?["Text"]) };
            case "MultiTextField":
                var options = SettingsReader.Get(settings, group, "Options") is JsonArray list
                    ? list.OfType<JsonObject>().Select(o => (Value: SettingsReader.AsString(SettingsReader.Property(o, "value")) ?? "", Label: SettingsReader.AsString(SettingsReader.Property(o, "name")) ?? "")).Where(o => o.Value.Length > 0).ToList()
                    : [];
                return new EditorField
                {
                    Name = name, Label = field.DisplayName, Hint = hint ?? (options.Count == 0 ? "Separate values with commas." : null), Required = required,
                    Kind = options.Count > 0 ? EditorKind.Choices : EditorKind.Tags,
                    Values = MultiTextField.Read(value), Options = options.Select(o => (o.Value, o.Label.Length > 0 ? o.Label : o.Value)).ToList(),
                };
            case "ContentPickerField":
                var types = SettingsReader.Strings(settings, group, "DisplayedContentTypes");
                var candidates = await db.ContentVersions.Where(v => v.Latest && (types.Length == 0 || types.Contains(v.ContentType)))
                    .OrderBy(v => v.DisplayText).Select(v => new { v.ContentItemId, v.DisplayText, v.ContentType }).Take(500).ToListAsync(cancellationToken);
                return new EditorField
                {
                    Name = name, Label = field.DisplayName, Hint = hint, Required = required, Kind = EditorKind.Picker,
                    Multiple = SettingsReader.Bool(settings, group, "Multiple"),
                    Values = ContentPickerField.Read(value),
                    Options = candidates.Select(c => (c.ContentItemId, types.Length == 1 ? c.DisplayText : $"{c.DisplayText} ({c.ContentType})")).ToList(),
                };
            default:
                return null; // An unsupported field keeps its stored value untouched.
        }
    }

    /// <summary>Writes the posted values of <paramref name="fields"/> into <paramref name="item"/>; other JSON in the parts is kept.</summary>
    public static void Bind(IFormCollection form, IEnumerable<EditorField> fields, ContentItem item)
    {
        foreach (var field in fields)
        {
            var (partName, property) = Split(field.Name);
            var part = item.GetOrCreatePart(partName);
            var posted = form[field.Name].ToString();
            if (field.PartProperty)
            {
                var text = field.Kind == EditorKind.Path ? posted.Trim() : posted;
                part[property] = text;
                field.Value = text;
                continue;
            }

            var value = part[property] as JsonObject ?? new JsonObject();
            BindField(form, field, value);
            part[property] = value;
        }
    }

    private static void BindField(IFormCollection form, EditorField field, JsonObject value)
    {
        var posted = form[field.Name].ToString();
        switch (field.Kind)
        {
            case EditorKind.Text:
            case EditorKind.TextArea:
                value["Text"] = posted;
                field.Value = posted;
                break;
            case EditorKind.Markdown:
                value["Markdown"] = posted;
                field.Value = posted;
                break;
            case EditorKind.Number:
                var trimmed = posted.Trim();
                value["Value"] = trimmed.Length == 0 ? null
                    : decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(trimmed);
                field.Value = trimmed;
                break;
            case EditorKind.Boolean:
                var on = form[field.Name].Any(v => v == "true");
                value["Value"] = on;
                field.Value = on ? "true" : "";
                break;
            case EditorKind.Date:
            case EditorKind.DateTime:
            case EditorKind.Time:
                value["Value"] = posted.Trim().Length == 0 ? null : posted.Trim();
                field.Value = posted.Trim();
                break;
            case EditorKind.Link:
                var text = form[field.Name + ".Text"].ToString();
                value["Url"] = posted.Trim();
                value["Text"] = text;
                field.Value = posted.Trim();
                field.Value2 = text;
                break;
            case EditorKind.Tags:
                var tags = posted.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
                value["Values"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
                field.Values = tags;
                break;
            case EditorKind.Choices:
            case EditorKind.Picker:
                var chosen = form[field.Name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
                value[field.Kind == EditorKind.Picker ? "ContentItemIds" : "Values"] = new JsonArray(chosen.Select(c => (JsonNode)JsonValue.Create(c)).ToArray());
                field.Values = chosen;
                break;
        }
    }

    /// <summary>Puts each validation error on the field whose name starts its path; the rest are for the form.</summary>
    public static List<string> AttachErrors(IEnumerable<ContentError> errors, IReadOnlyList<EditorField> fields)
    {
        var general = new List<string>();
        foreach (var error in errors)
        {
            var field = fields.FirstOrDefault(f => error.Path == f.Name || error.Path.StartsWith(f.Name + ".", StringComparison.Ordinal));
            if (field is null) general.Add(error.Message);
            else field.Errors.Add(error.Message);
        }

        return general;
    }

    private static (string Part, string Property) Split(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return (name[..dot], name[(dot + 1)..]);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static string Raw(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
