namespace SysRift.Core.Data;

/// <summary>One row per content item: its identity, lifecycle state and the concurrency revision.</summary>
public sealed class ContentItemRecord
{
    public required string ContentItemId { get; set; }
    public required string ContentType { get; set; }
    public ContentStatus Status { get; set; }

    /// <summary>Moves on every change; a writer that read an older revision is told about the conflict.</summary>
    public int Revision { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public string? Owner { get; set; }
}
