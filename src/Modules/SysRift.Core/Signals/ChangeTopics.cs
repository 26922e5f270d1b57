namespace SysRift.Core.Signals;

/// <summary>
/// The names of what can change. Three are whole-site: a change to them retires every cached page
/// (settings and definitions shape every page; "content" is a change to content too large to name, such as
/// an import). The others are fine-grained: a commit of one item announces <see cref="Item"/>,
/// <see cref="Type"/> and <see cref="Items"/>, and a cached page is retired only when it read one of them.
/// </summary>
public static class ChangeTopics
{
    public const string Content = "content";
    public const string Definitions = "definitions";
    public const string Site = "site";

    /// <summary>Some published item changed: what lists across types or looks up a path that was free depends on it.</summary>
    public const string Items = "items";

    /// <summary>The media library changed (an upload, a delete, a new description).</summary>
    public const string Media = "media";

    /// <summary>A dependency on every change, for what was read without saying what it read.</summary>
    public const string Anything = "*";

    public static readonly string[] WholeSite = [Content, Definitions, Site];

    public static string Item(string contentItemId) => "item:" + contentItemId;

    public static string Type(string contentType) => "type:" + contentType;

    /// <summary>What one item's commit announces.</summary>
    public static string[] OfItem(string contentItemId, string contentType) => [Item(contentItemId), Type(contentType), Items];

    public static bool IsWholeSite(string topic) => topic is Content or Definitions or Site;
}
