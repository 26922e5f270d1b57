namespace SysRift.Core.Data;

/// <summary>A request to publish an item's latest version at a later time (at most one per item).</summary>
public sealed class ScheduledPublicationRecord
{
    public required string ContentItemId { get; set; }
    public DateTime PublishAtUtc { get; set; }
    public string? RequestedBy { get; set; }
}
