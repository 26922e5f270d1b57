using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Core.Data;

namespace SysRift.Contents.Items;

/// <summary>Maps between version rows and content items.</summary>
public static class ContentVersionMapper
{
    public static ContentItem ToItem(ContentVersionRecord record) => new()
    {
        ContentItemId = record.ContentItemId,
        ContentItemVersionId = record.ContentItemVersionId,
        ContentType = record.ContentType,
        DisplayText = record.DisplayText,
        Latest = record.Latest,
        Published = record.Published,
        Owner = record.Owner,
        Author = record.Author,
        CreatedUtc = AsUtc(record.CreatedUtc),
        ModifiedUtc = AsUtc(record.ModifiedUtc),
        PublishedUtc = record.PublishedUtc is { } p ? AsUtc(p) : null,
        Content = ContentItem.ParseContent(record.Data),
    };

    /// <summary>
    /// An item kept in memory and read by many renders (<see cref="Publishing.PublishedContent"/>): its text values
    /// are turned into strings once here. A value parsed from JSON otherwise decodes its UTF-8 into a new string at
    /// every read, which was a tenth of an uncached home page's CPU.
    /// </summary>
    public static ContentItem ToSharedItem(ContentVersionRecord record)
    {
        var item = ToItem(record);
        MaterializeStrings(item.Content);
        return item;
    }

    private static void MaterializeStrings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(property => property.Key).ToList())
                {
                    if (AsString(obj[name]) is { } text) obj[name] = text;
                    else if (obj[name] is { } child) MaterializeStrings(child);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (AsString(array[i]) is { } text) array[i] = text;
                    else if (array[i] is { } child) MaterializeStrings(child);
                }

                break;
        }
    }

    private static JsonValue? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? JsonValue.Create(value.GetValue<string>()) : null;

    // SQLite hands DateTimes back as Unspecified; every stored time is UTC.
    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
