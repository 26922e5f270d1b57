namespace SysRift.Core.Data;

/// <summary>
/// The lifecycle state of a content item as a whole (not of one version). Stored by name. The legal moves
/// between these states live in one place: SysRift.Contents' ContentLifecycle.
/// </summary>
public enum ContentStatus
{
    /// <summary>Never published; the latest version is a draft.</summary>
    Draft,

    /// <summary>The latest version is the published one.</summary>
    Published,

    /// <summary>A published version is live and a newer draft waits above it.</summary>
    PublishedWithDraft,

    /// <summary>Was published, taken down; the latest version is kept as a draft.</summary>
    Unpublished,

    /// <summary>In the trash: no version is latest or published; can be restored.</summary>
    Deleted,
}
