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

    // SQLite hands DateTimes back as Unspecified; every stored time is UTC.
    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
