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
        decimal? value = null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) value = v.GetValue<decimal>();
        else if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && decimal.TryParse(s.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) value = parsed;
        else if (node is not null && node.GetValueKind() != JsonValueKind.Null) context.Error("Value", "must be a number.");

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

    public static double? Read(JsonObject? field)
    {
        var node = field?["Value"];
        if (node is JsonValue v && v.TryGetValue<double>(out var d)) return d;
        if (node is JsonValue s && s.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        return null;
    }
}
