using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Contents.Fields;

/// <summary>{"Value": true}.</summary>
public sealed class BooleanField : IContentFieldType
{
    public string Name => "BooleanField";

    public void Validate(FieldContext context)
    {
        var node = context.Property("Value");
        if (node is null || node.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null) return;
        if (node is JsonValue v && v.TryGetValue<string>(out var s) && bool.TryParse(s, out _)) return;
        context.Error("Value", "must be true or false.");
    }

    public static bool Read(JsonObject? field) => field?["Value"] is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) && p);
}
