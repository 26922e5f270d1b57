namespace SysRift.Core.Data;

/// <summary>
/// One indexed value of a published item's field ("Article.Tags" = "queues", "Article.Flagship" = "true",
/// "Article.StartHere" = "0001"), so lists filter and pick by field through an index instead of reading
/// every item (Orchard's content field index, in one table).
/// </summary>
public sealed class ContentTermRecord
{
    public long Id { get; set; }
    public required string ContentItemId { get; set; }
    public required string ContentType { get; set; }

    /// <summary>"{Part}.{Field}".</summary>
    public required string Field { get; set; }

    public required string Value { get; set; }
}
