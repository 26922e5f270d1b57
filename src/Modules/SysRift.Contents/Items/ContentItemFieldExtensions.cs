using System.Globalization;
using System.Text.Json.Nodes;
using SysRift.Contents.Fields;

namespace SysRift.Contents.Items;

/// <summary>Typed reads of part fields for views and services: item.Text("Principle", "Statement").</summary>
public static class ContentItemFieldExtensions
{
    public static string Text(this ContentItem item, string part, string field) => String(item.Field(part, field), "Text");

    public static string MarkdownSource(this ContentItem item, string part, string field) => String(item.Field(part, field), "Markdown");

    public static double? Number(this ContentItem item, string part, string field) => NumericField.Read(item.Field(part, field));

    public static bool Flag(this ContentItem item, string part, string field) => BooleanField.Read(item.Field(part, field));

    public static IReadOnlyList<string> Values(this ContentItem item, string part, string field) => MultiTextField.Read(item.Field(part, field));

    public static IReadOnlyList<string> PickedIds(this ContentItem item, string part, string field) => ContentPickerField.Read(item.Field(part, field));

    public static DateTime? Date(this ContentItem item, string part, string field) =>
        DateTime.TryParse(String(item.Field(part, field), "Value"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    public static (string Url, string Text) Link(this ContentItem item, string part, string field) =>
        (String(item.Field(part, field), "Url"), String(item.Field(part, field), "Text"));

    /// <summary>The "Value" text as stored (TimeField's "14:30").</summary>
    public static string ValueText(this ContentItem item, string part, string field) => String(item.Field(part, field), "Value");

    public static string Body(this ContentItem item) => String(item.Part("MarkdownBodyPart"), "Markdown");

    private static string String(JsonObject? obj, string property) =>
        obj?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
