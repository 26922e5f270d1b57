namespace SysRift.Contents.Markdown;

/// <summary>What a page shows of one Markdown text: safe HTML, its second-level headings (id and text) and its plain text.</summary>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<(string Id, string Text)> Outline, string PlainText)
{
    public static readonly RenderedMarkdown Empty = new("", [], "");

    /// <summary>Text over <see cref="MarkdownLimits"/> (or that Markdig refuses) is shown as text: no headings, no markup.</summary>
    public static RenderedMarkdown AsText(string markdown) => new(
        "<p>" + System.Net.WebUtility.HtmlEncode(markdown).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</p>\n",
        [],
        markdown.Trim());
}
