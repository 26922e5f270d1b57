namespace SysRift.Core.Data;

/// <summary>
/// A request to publish one version of an item at a later time (at most one per item). The version is
/// pinned when the schedule is made: a draft saved afterwards is not what goes live.
/// </summary>
public sealed class ScheduledPublicationRecord
{
    public required string ContentItemId { get; set; }

    /// <summary>The version that was scheduled (reviewed); later drafts stay drafts.</summary>
    public required string ContentItemVersionId { get; set; }

    public DateTime PublishAtUtc { get; set; }
    public string? RequestedBy { get; set; }
}
