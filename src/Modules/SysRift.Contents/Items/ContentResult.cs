using SysRift.Contents.Validation;
using SysRift.Core.Data;

namespace SysRift.Contents.Items;

/// <summary>What a content operation did: the stored item and its state, or why nothing changed.</summary>
public sealed record ContentResult(ContentItem? Item, ContentStatus? Status, int Revision, IReadOnlyList<ContentError> Errors, bool Conflict)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static ContentResult Ok(ContentItem item, ContentStatus status, int revision) => new(item, status, revision, [], false);

    public static ContentResult Invalid(IReadOnlyList<ContentError> errors) => new(null, null, 0, errors, false);

    public static ContentResult Invalid(string path, string message) => Invalid([new ContentError(path, message)]);

    public static ContentResult Conflicted(int currentRevision, string message) =>
        new(null, null, currentRevision, [new ContentError("", message)], true);
}

/// <summary>Which version of an item to read.</summary>
public enum VersionOptions
{
    Latest,
    Published,
}
