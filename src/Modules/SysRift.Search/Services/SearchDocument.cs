using SysRift.Contents.Indexing;
using SysRift.Core.Data;

namespace SysRift.Search.Services;

/// <summary>The searchable text of a published version: title, what its blocks give as text, the body (as plain text) and tags.</summary>
public sealed record SearchDocument(string ContentItemId, string ContentType, string Path, string Title, string Text, string Body, string Tags)
{
    public static SearchDocument From(ContentVersionRecord version, ContentIndexEntry entry) =>
        new(version.ContentItemId, version.ContentType, version.Path ?? "", version.DisplayText, string.Join("\n", entry.Text), entry.Body, string.Join(" ", entry.Tags));
}

/// <summary>One search result: where it is, its title, and a snippet with the matches marked.</summary>
public sealed record SearchHit(string ContentItemId, string Path, string Title, string SnippetHtml);
