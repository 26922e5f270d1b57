using SysRift.Contents.Lifecycle;
using SysRift.Core.Data;

namespace SysRift.Tests.Unit;

public sealed class ContentLifecycleTests
{
    public static TheoryData<ContentStatus?, ContentAction, ContentStatus?> Table => new()
    {
        { null, ContentAction.SaveDraft, ContentStatus.Draft },
        { null, ContentAction.Publish, ContentStatus.Published },
        { null, ContentAction.Unpublish, null },
        { null, ContentAction.Delete, null },
        { null, ContentAction.Restore, null },
        { ContentStatus.Draft, ContentAction.Publish, ContentStatus.Published },
        { ContentStatus.Draft, ContentAction.Unpublish, null },
        { ContentStatus.Draft, ContentAction.DiscardDraft, null },
        { ContentStatus.Draft, ContentAction.Restore, null },
        { ContentStatus.Published, ContentAction.SaveDraft, ContentStatus.PublishedWithDraft },
        { ContentStatus.Published, ContentAction.DiscardDraft, null },
        { ContentStatus.Published, ContentAction.Unpublish, ContentStatus.Unpublished },
        { ContentStatus.PublishedWithDraft, ContentAction.Publish, ContentStatus.Published },
        { ContentStatus.PublishedWithDraft, ContentAction.DiscardDraft, ContentStatus.Published },
        { ContentStatus.PublishedWithDraft, ContentAction.Unpublish, ContentStatus.Unpublished },
        { ContentStatus.Unpublished, ContentAction.SaveDraft, ContentStatus.Unpublished },
        { ContentStatus.Unpublished, ContentAction.Unpublish, null },
        { ContentStatus.Unpublished, ContentAction.Publish, ContentStatus.Published },
        { ContentStatus.Deleted, ContentAction.SaveDraft, null },
        { ContentStatus.Deleted, ContentAction.Publish, null },
        { ContentStatus.Deleted, ContentAction.Delete, null },
        { ContentStatus.Deleted, ContentAction.Restore, ContentStatus.Draft },
    };

    [Theory, MemberData(nameof(Table))]
    public void Moves_follow_the_table(ContentStatus? from, ContentAction action, ContentStatus? expected)
    {
        var next = ContentLifecycle.Next(from, action, out var refusal);
        Assert.Equal(expected, next);
        if (expected is null) Assert.False(string.IsNullOrWhiteSpace(refusal));
        else Assert.Null(refusal);
    }

    [Fact]
    public void Every_state_can_reach_the_trash_except_the_trash()
    {
        foreach (var status in Enum.GetValues<ContentStatus>())
        {
            var next = ContentLifecycle.Next(status, ContentAction.Delete, out _);
            Assert.Equal(status == ContentStatus.Deleted ? null : ContentStatus.Deleted, next);
        }
    }
}
