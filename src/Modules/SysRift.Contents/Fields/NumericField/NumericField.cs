using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Fields;

/// <summary>{"Value": 1.5}. Settings: NumericFieldSettings.Required, Minimum, Maximum, Scale (decimal places, default 0).</summary>
public sealed class NumericField : ContentFieldType
{
    public override string Name => "NumericField";

    public override string Description => "A number, within bounds, with a set number of decimal places.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("Minimum", SettingKind.Number, "Minimum"),
        new("Maximum", SettingKind.Number, "Maximum"),
        new("Scale", SettingKind.Number, "Decimal places", "0 for whole numbers.") { Minimum = 0, Maximum = 10 },
    ];

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Value");
        var number = Parse(node);
        if (number is null && node is not null && node.GetValueKind() != JsonValueKind.Null) value.Error("Value", "must be a number.");

        value.RequireWhenEmpty("Value", number is null);
        if (number is null) return;

        if (value.Number("Minimum") is { } min && (double)number < min)
            value.Error("Value", $"must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        if (value.Number("Maximum") is { } max && (double)number > max)
            value.Error("Value", $"must be at most {max.ToString(CultureInfo.InvariantCulture)}.");

        var scale = (int)(value.Number("Scale") ?? 0);
        if (number.Value.Scale > scale && decimal.Round(number.Value, scale) != number.Value)
            value.Error("Value", scale == 0 ? "must be a whole number." : $"must have at most {scale} decimal places.");
    }

    public override void ValidateSettings(BlockSettingsCheck check)
    {
        if (check.Number("Minimum") is { } min && check.Number("Maximum") is { } max && min > max)
            check.Error("Maximum", "Maximum must not be below the minimum.");
    }

    public override void Bind(EditorInput input)
    {
        // What was typed is kept as typed: "12a" stays text, so the form shows it again beside "must be a number".
        var typed = input.Text().Trim();
        input.Value["Value"] = typed.Length == 0 ? null
            : decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(typed);
    }

    public override string Text(EditorField editor) => editor.Get("Value");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (Read(value) is { } number) entry.Term(ContentTermIndexer.SortableNumber(number));
    }

    public static double? Read(JsonObject? field) => Parse(field?["Value"]) is { } value ? (double)value : null;

    // Numbers are read from their JSON text: a JsonValue built in code may hold an int, a long or a double,
    // and typed getters throw or refuse across those; the text is the same for all of them.
    // A value parsed from stored JSON reads its number straight from the UTF-8 (the fast path pages take).
    private static decimal? Parse(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var stored) => stored,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
