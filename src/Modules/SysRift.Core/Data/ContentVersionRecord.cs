namespace SysRift.Core.Data;

/// <summary>
/// One row per version of a content item. Ids, flags and timestamps are columns (for lookups); the parts
/// and fields are Orchard-shaped JSON in <see cref="Data"/>.
/// </summary>
public sealed class ContentVersionRecord
{
    public long Id { get; set; }
    public required string ContentItemId { get; set; }
    public required string ContentItemVersionId { get; set; }

    /// <summary>1 for the first version of an item, then counting up.</summary>
    public int Number { get; set; }

    public required string ContentType { get; set; }
    public string DisplayText { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>AutoroutePart path without leading slash ("" for none); indexed for routing.</summary>
    public string? Path { get; set; }

    /// <summary>The type part's Order field, denormalised so ordered lists are an index scan.</summary>
    public double? SortOrder { get; set; }

    public string Data { get; set; } = "{}";
}
