using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Blocks;

public enum SettingKind
{
    Text,
    Number,
    Flag,

    /// <summary>One of <see cref="BlockSetting.Choices"/>.</summary>
    Choice,

    /// <summary>A list of names, typed comma-separated (ContentPickerField's DisplayedContentTypes).</summary>
    Names,

    /// <summary>Orchard's [{"name": "Label", "value": "value"}] list, typed one per line as "value" or "value | Label".</summary>
    Options,
}

/// <summary>
/// One setting a block declares. The declaration drives the settings form, reads the posted value into
/// the JSON Orchard stores, and checks it on its own (a number within bounds, a known choice).
/// </summary>
public sealed record BlockSetting(string Name, SettingKind Kind, string Label, string? Hint = null)
{
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public int MaxLength { get; init; } = 1024;

    /// <summary>For a flag: its value when the setting is absent (Orchard's MediaFieldSettings.Multiple is on by default).</summary>
    public bool DefaultOn { get; init; }

    /// <summary>The settings group it is stored in when not the block's own (ContentPartFieldSettings for the editor choice).</summary>
    public string? Group { get; init; }

    /// <summary>Stores <paramref name="value"/> in <paramref name="group"/> (created when missing); null removes the setting.</summary>
    public void Write(JsonObject settings, string group, JsonNode? value)
    {
        var key = settings.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, group, StringComparison.OrdinalIgnoreCase));
        if (key is null || settings[key] is not JsonObject target)
        {
            if (value is null) return;
            settings[key ?? group] = target = new JsonObject();
        }

        foreach (var existing in target.Where(p => string.Equals(p.Key, Name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).ToList()) target.Remove(existing);
        if (value is not null) target[Name] = value;
    }

    /// <summary>The stored value as form text.</summary>
    public string FormText(JsonObject? settings, string group) => Kind switch
    {
        SettingKind.Flag => SettingsReader.Bool(settings, group, Name, DefaultOn) ? "true" : "",
        SettingKind.Names => string.Join(", ", SettingsReader.Strings(settings, group, Name)),
        SettingKind.Options => string.Join("\n", ReadOptions(settings, group).Select(o => o.Label == o.Value ? o.Value : $"{o.Value} | {o.Label}")),
        _ => SettingsReader.String(settings, group, Name) ?? "",
    };

    /// <summary>Reads posted text into JSON; null removes the setting. Problems are reported, not thrown.</summary>
    public JsonNode? Read(string posted, Action<string> error)
    {
        var text = posted.Trim();
        switch (Kind)
        {
            case SettingKind.Flag:
                return text == "true" ? JsonValue.Create(true) : DefaultOn ? JsonValue.Create(false) : null;
            case SettingKind.Number:
                if (text.Length == 0) return null;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    error($"{Label} must be a number.");
                    return null;
                }

                if (Minimum is { } min && number < min) error($"{Label} must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
                if (Maximum is { } max && number > max) error($"{Label} must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
                return JsonValue.Create(number);
            case SettingKind.Choice:
                if (text.Length == 0) return null;
                if (!Choices.Contains(text, StringComparer.Ordinal)) error($"{Label} must be one of: {string.Join(", ", Choices)}.");
                return JsonValue.Create(text);
            case SettingKind.Names:
                var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
                if (names.Length == 0) return null;
                return new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
            case SettingKind.Options:
                var options = new JsonArray();
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var bar = line.IndexOf('|', StringComparison.Ordinal);
                    var value = (bar < 0 ? line : line[..bar]).Trim();
                    var label = bar < 0 ? value : line[(bar + 1)..].Trim();
                    if (value.Length == 0) error($"{Label}: \"{line}\" has no value before the |.");
                    else options.Add(new JsonObject { ["name"] = label.Length > 0 ? label : value, ["value"] = value });
                }

                return options.Count == 0 ? null : options;
            default:
                if (text.Length > MaxLength) error($"{Label} must be at most {MaxLength} characters.");
                return text.Length == 0 ? null : JsonValue.Create(text);
        }
    }

    /// <summary>Checks a stored value (from a recipe) the way <see cref="Read"/> checks posted text.</summary>
    public void Check(JsonObject? settings, string group, Action<string> error)
    {
        var node = SettingsReader.Get(settings, group, Name);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return;
        switch (Kind)
        {
            case SettingKind.Number when SettingsReader.Number(settings, group, Name) is null:
                error($"{Label} must be a number.");
                return;
            case SettingKind.Flag when node is not JsonValue || (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) && !bool.TryParse(SettingsReader.AsString(node), out _)):
                error($"{Label} must be true or false.");
                return;
            case SettingKind.Names or SettingKind.Options when node is not JsonArray:
                error($"{Label} must be a list.");
                return;
        }

        if (Kind is SettingKind.Number or SettingKind.Choice or SettingKind.Text) Read(SettingsReader.AsString(node) ?? "", error);
    }

    public static List<(string Value, string Label)> ReadOptions(JsonObject? settings, string group, string name = "Options") =>
        SettingsReader.Get(settings, group, name) is JsonArray list
            ? list.OfType<JsonObject>()
                .Select(o => (Value: SettingsReader.AsString(SettingsReader.Property(o, "value")) ?? "", Label: SettingsReader.AsString(SettingsReader.Property(o, "name")) ?? ""))
                .Where(o => o.Value.Length > 0).Select(o => (o.Value, o.Label.Length > 0 ? o.Label : o.Value)).ToList()
            : [];

    /// <summary>The settings every field has: its help text and whether it is required.</summary>
    public static BlockSetting HintSetting { get; } = new("Hint", SettingKind.Text, "Hint", "Shown under the label in the editor.");

    public static BlockSetting RequiredSetting { get; } = new("Required", SettingKind.Flag, "Required");
}
