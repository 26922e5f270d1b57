using SysRift.Core.Data;

namespace SysRift.Contents.Lifecycle;

/// <summary>
/// The one table of legal lifecycle moves. Everything that changes a content item's state asks here
/// first; a move that is not in the table is refused with a reason, whoever asks.
/// </summary>
public static class ContentLifecycle
{
    /// <summary>The state after <paramref name="action"/>, or null with a reason when the move is illegal.</summary>
    /// <param name="current">null for an item that does not exist yet.</param>
    public static ContentStatus? Next(ContentStatus? current, ContentAction action, out string? refusal)
    {
        refusal = null;
        ContentStatus? next = (current, action) switch
        {
            (null, ContentAction.SaveDraft) => ContentStatus.Draft,
            (null, ContentAction.Publish) => ContentStatus.Published,

            (ContentStatus.Draft, ContentAction.SaveDraft) => ContentStatus.Draft,
            (ContentStatus.Draft, ContentAction.Publish) => ContentStatus.Published,
            (ContentStatus.Draft, ContentAction.Delete) => ContentStatus.Deleted,

            (ContentStatus.Published, ContentAction.SaveDraft) => ContentStatus.PublishedWithDraft,
            (ContentStatus.Published, ContentAction.Publish) => ContentStatus.Published,
            (ContentStatus.Published, ContentAction.Unpublish) => ContentStatus.Unpublished,
            (ContentStatus.Published, ContentAction.Delete) => ContentStatus.Deleted,

            (ContentStatus.PublishedWithDraft, ContentAction.SaveDraft) => ContentStatus.PublishedWithDraft,
            (ContentStatus.PublishedWithDraft, ContentAction.Publish) => ContentStatus.Published,
            (ContentStatus.PublishedWithDraft, ContentAction.DiscardDraft) => ContentStatus.Published,
            (ContentStatus.PublishedWithDraft, ContentAction.Unpublish) => ContentStatus.Unpublished,
            (ContentStatus.PublishedWithDraft, ContentAction.Delete) => ContentStatus.Deleted,

            (ContentStatus.Unpublished, ContentAction.SaveDraft) => ContentStatus.Unpublished,
            (ContentStatus.Unpublished, ContentAction.Publish) => ContentStatus.Published,
            (ContentStatus.Unpublished, ContentAction.Delete) => ContentStatus.Deleted,

            (ContentStatus.Draft or ContentStatus.Published or ContentStatus.PublishedWithDraft or ContentStatus.Unpublished, ContentAction.PublishEarlierVersion) => ContentStatus.PublishedWithDraft,

            (ContentStatus.Deleted, ContentAction.Restore) => ContentStatus.Draft,
            _ => null,
        };

        if (next is null)
        {
            refusal = current is null
                ? $"cannot {Describe(action)} an item that does not exist"
                : $"cannot {Describe(action)} an item that is {Describe(current.Value)}";
        }

        return next;
    }

    public static string Describe(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "a draft",
        ContentStatus.Published => "published",
        ContentStatus.PublishedWithDraft => "published with a pending draft",
        ContentStatus.Unpublished => "unpublished",
        ContentStatus.Deleted => "in the trash",
        _ => status.ToString(),
    };

    private static string Describe(ContentAction action) => action switch
    {
        ContentAction.SaveDraft => "save a draft of",
        ContentAction.Publish => "publish",
        ContentAction.PublishEarlierVersion => "publish an earlier version of",
        ContentAction.Unpublish => "unpublish",
        ContentAction.DiscardDraft => "discard the draft of",
        ContentAction.Delete => "delete",
        ContentAction.Restore => "restore",
        _ => action.ToString(),
    };
}
