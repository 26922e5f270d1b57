namespace SysRift.Contents.Lifecycle;

/// <summary>What an editor (or a recipe) asks of a content item.</summary>
public enum ContentAction
{
    /// <summary>Store new content as the latest version without publishing it.</summary>
    SaveDraft,

    /// <summary>Make the latest version (or new content) the published one.</summary>
    Publish,

    /// <summary>
    /// Make an earlier version (a scheduled one) the published one while a newer draft stays the latest:
    /// the newer draft was not reviewed, so it is not what goes live.
    /// </summary>
    PublishEarlierVersion,

    /// <summary>Take the published version down; the content stays as a draft.</summary>
    Unpublish,

    /// <summary>Throw away the draft above a published version.</summary>
    DiscardDraft,

    /// <summary>Move to the trash.</summary>
    Delete,

    /// <summary>Bring back from the trash, as a draft.</summary>
    Restore,
}
