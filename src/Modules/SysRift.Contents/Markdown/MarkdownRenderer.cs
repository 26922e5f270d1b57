using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SysRift.Contents.Fields;

namespace SysRift.Contents.Markdown;

/// <summary>
/// The one Markdown pipeline of the site (public pages and the admin preview alike). Raw HTML is not
/// rendered (it is shown as text), and link or image URLs other than http(s), mailto and site paths are
/// replaced, so stored Markdown can never run script in a browser.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        try
        {
            return Render(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurd nesting ("[[[[..." thousands deep): show the text as text rather than fail the page.
            return "<p>" + System.Net.WebUtility.HtmlEncode(markdown).Replace("\n", "<br>\n", StringComparison.Ordinal) + "</p>\n";
        }
    }

    private string Render(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !IsSafe(url)) link.Url = "#unsafe-link-removed";
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url)) autolink.Url = "#unsafe-link-removed";
        }

        return document.ToHtml(_pipeline);
    }

    /// <summary>The text of the Markdown without markup, for summaries, search and reading time.</summary>
    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        try
        {
            return Markdig.Markdown.ToPlainText(markdown, _pipeline).Trim();
        }
        catch (ArgumentException)
        {
            return markdown.Trim();
        }
    }

    private static bool IsSafe(string url) => url.Length == 0 || LinkField.IsSafeUrl(url) || IsRelative(url);

    private static bool IsRelative(string url) =>
        !url.Contains(':', StringComparison.Ordinal) || url.IndexOf(':', StringComparison.Ordinal) > url.IndexOfAny(['/', '?', '#']) && url.IndexOfAny(['/', '?', '#']) >= 0;
}
