using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Fields;

/// <summary>
/// {"Values": ["a", "b"]}: SysRift's list and tags field (Orchard's MultiTextField). With
/// MultiTextFieldSettings.Options, each value must be one of the options' values; without, any text.
/// </summary>
public sealed class MultiTextField : IContentFieldType
{
    public string Name => "MultiTextField";

    public void Validate(FieldContext context)
    {
        var node = context.Property("Values");
        var values = new List<string>();
        if (node is JsonArray array)
        {
            foreach (var entry in array)
            {
                if (entry is JsonValue v && v.GetValueKind() == JsonValueKind.String) values.Add(v.GetValue<string>());
                else context.Error("Values", "must be a list of text values.");
            }
        }
        else if (node is not null && node.GetValueKind() != JsonValueKind.Null)
        {
            context.Error("Values", "must be a list of text values.");
        }

        context.RequireWhenEmpty("Values", values.Count == 0);
        var options = Options(context.Definition.Settings, context.Group);
        if (options.Count == 0) return;
        foreach (var value in values.Where(v => !options.Contains(v)))
            context.Error("Values", $"has \"{value}\", which is not one of: {string.Join(", ", options)}.");
    }

    public static List<string> Read(JsonObject? field) =>
        field?["Values"] is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];

    private static HashSet<string> Options(JsonObject settings, string group) =>
        SettingsReader.Get(settings, group, "Options") is JsonArray options
            ? options.OfType<JsonObject>().Select(o => SettingsReader.AsString(SettingsReader.Property(o, "value"))).Where(v => v is not null).Select(v => v!).ToHashSet(StringComparer.Ordinal)
            : [];
}
