using SysRift.Core.Data;

namespace SysRift.Contents.Items;

/// <summary>
/// The tracked rows a lifecycle move touches: the item row (null for a new item), its latest and published
/// versions, and the highest version number used so far.
/// </summary>
public sealed class ItemState
{
    public ContentItemRecord? Header { get; set; }
    public ContentVersionRecord? LatestVersion { get; set; }
    public ContentVersionRecord? PublishedVersion { get; set; }
    public int MaxNumber { get; set; }

    public ContentStatus? Status => Header?.Status;
}
