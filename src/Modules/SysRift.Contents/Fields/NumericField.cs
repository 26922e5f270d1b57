using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Fields;

/// <summary>{"Value": 1.5}. Settings: NumericFieldSettings.Required, Minimum, Maximum, Scale (decimal places, default 0).</summary>
public sealed class NumericField : IContentFieldType
{
    public string Name => "NumericField";

    public void Validate(FieldContext context)
    {
        var node = context.Property("Value");
        decimal? value = Parse(node);
        if (value is null && node is not null && node.GetValueKind() != JsonValueKind.Null) context.Error("Value", "must be a number.");

        context.RequireWhenEmpty("Value", value is null);
        if (value is null) return;

        var settings = context.Definition.Settings;
        if (SettingsReader.Number(settings, context.Group, "Minimum") is { } min && (double)value < min)
            context.Error("Value", $"must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        if (SettingsReader.Number(settings, context.Group, "Maximum") is { } max && (double)value > max)
            context.Error("Value", $"must be at most {max.ToString(CultureInfo.InvariantCulture)}.");

        var scale = (int)(SettingsReader.Number(settings, context.Group, "Scale") ?? 0);
        if (value.Value.Scale > scale && decimal.Round(value.Value, scale) != value.Value)
            context.Error("Value", scale == 0 ? "must be a whole number." : $"must have at most {scale} decimal places.");
    }

    public static double? Read(JsonObject? field) => Parse(field?["Value"]) is { } value ? (double)value : null;

    // Numbers are read from their JSON text: a JsonValue built in code may hold an int, a long or a double,
    // and typed getters throw or refuse across those; the text is the same for all of them.
    private static decimal? Parse(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
