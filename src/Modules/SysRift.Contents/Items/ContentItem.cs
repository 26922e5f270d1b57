using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Contents.Items;

/// <summary>
/// One version of a content item in Orchard Core's shape: the well-known properties, then one JSON
/// object per part (fields nested in their part) in <see cref="Content"/>.
/// </summary>
public sealed class ContentItem
{
    public static readonly string[] WellKnownProperties =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author",
    ];

    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Parts by name; each part an object of its own properties and fields.</summary>
    public JsonObject Content { get; set; } = [];

    public JsonObject? Part(string name) => Content.TryGetPropertyValue(name, out var part) ? part as JsonObject : null;

    public JsonObject GetOrCreatePart(string name)
    {
        if (Part(name) is { } part) return part;
        var created = new JsonObject();
        Content[name] = created;
        return created;
    }

    public JsonObject? Field(string part, string field) => Part(part) is { } p && p.TryGetPropertyValue(field, out var f) ? f as JsonObject : null;

    /// <summary>The title, when it is text (anything else is TitlePart's validation error, not an exception here).</summary>
    public string? Title => Part("TitlePart")?["Title"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? Path => Part("AutoroutePart")?["Path"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public ContentItem Clone() => FromJson(ToJson());

    /// <summary>The Orchard-shaped JSON object (as in a recipe's Content step).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = ContentItemId,
            ["ContentItemVersionId"] = ContentItemVersionId,
            ["ContentType"] = ContentType,
            ["DisplayText"] = DisplayText,
            ["Latest"] = Latest,
            ["Published"] = Published,
            ["ModifiedUtc"] = Format(ModifiedUtc),
            ["PublishedUtc"] = Format(PublishedUtc),
            ["CreatedUtc"] = Format(CreatedUtc),
            ["Owner"] = Owner,
            ["Author"] = Author,
        };
        foreach (var (name, value) in Content) json[name] = value?.DeepClone();
        return json;
    }

    public static ContentItem FromJson(JsonObject json)
    {
        var item = new ContentItem
        {
            ContentItemId = Text(json, "ContentItemId") ?? "",
            ContentItemVersionId = Text(json, "ContentItemVersionId") ?? "",
            ContentType = Text(json, "ContentType") ?? "",
            DisplayText = Text(json, "DisplayText") ?? "",
            Latest = Flag(json, "Latest"),
            Published = Flag(json, "Published"),
            Owner = Text(json, "Owner"),
            Author = Text(json, "Author"),
            CreatedUtc = Date(json, "CreatedUtc"),
            ModifiedUtc = Date(json, "ModifiedUtc"),
            PublishedUtc = Date(json, "PublishedUtc"),
        };
        foreach (var (name, value) in json)
        {
            if (WellKnownProperties.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            item.Content[name] = value?.DeepClone();
        }

        return item;
    }

    /// <summary>Parts only, serialised as stored in the version row.</summary>
    public string ContentJson() => Content.ToJsonString();

    public static JsonObject ParseContent(string json) =>
        JsonNode.Parse(json) as JsonObject ?? [];

    private static string? Format(DateTime? value) => value?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static JsonNode? Find(JsonObject json, string name) => Definitions.SettingsReader.Property(json, name);

    private static string? Text(JsonObject json, string name) =>
        Find(json, name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool Flag(JsonObject json, string name) =>
        Find(json, name) is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) && p);

    private static DateTime? Date(JsonObject json, string name) =>
        Text(json, name) is { Length: > 0 } s && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
