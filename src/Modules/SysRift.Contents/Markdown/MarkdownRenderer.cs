using System.Collections.Concurrent;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SysRift.Core.Site;

namespace SysRift.Contents.Markdown;

/// <summary>
/// The one Markdown pipeline of the site (public pages and the admin preview alike), safe in three layers:
/// <list type="number">
/// <item>Markdig extensions are chosen by an allow-list: no raw HTML, no generic attributes (<c>{onclick=…}</c>),
/// no media embeds (<c>&lt;iframe&gt;</c>), nothing that writes style;</item>
/// <item>link and image URLs other than http(s), mailto and site paths are replaced;</item>
/// <item>whatever the extensions produce, the HTML then passes HtmlSanitizer with an allow-list of elements,
/// attributes and URL schemes.</item>
/// </list>
/// Text over <see cref="MarkdownLimits"/> is shown as plain text, so rendering stays fast for any input.
/// What a page shows of a text is remembered by the text (<see cref="Render"/>): sanitizing costs more than parsing.
/// </summary>
public sealed class MarkdownRenderer
{
    private const long MaxCachedChars = 16L * 1024 * 1024;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseTaskLists()
        .UseListExtras()
        .UseFootnotes()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    // Made on first use: HtmlSanitizer's set-up (AngleSharp's CSS tables) costs ~190 ms, which a command or a
    // start that renders no Markdown should not pay.
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(CreateSanitizer);

    private static HtmlSanitizer CreateSanitizer() => new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li", "blockquote", "pre", "code",
            "em", "strong", "del", "ins", "mark", "sub", "sup", "br", "hr", "table", "thead", "tbody", "tr", "th", "td",
            "input", "div", "span",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "id", "class", "type", "checked", "disabled", "start" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedCssProperties = new HashSet<string>(),
    })
    { OutputFormatter = new QuotingFormatter() };

    /// <summary>Writes '"' in text as &amp;quot;, as Markdig does: the text of a quote stays inert anywhere it is pasted.</summary>
    private sealed class QuotingFormatter : AngleSharp.Html.HtmlMarkupFormatter
    {
        public override string Text(AngleSharp.Dom.ICharacterData text) => base.Text(text).Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    private readonly ConcurrentDictionary<string, RenderedMarkdown> _rendered = new(StringComparer.Ordinal);
    private long _cachedChars;

    /// <summary>
    /// Everything a page shows of one Markdown text (its HTML, the outline of its headings, its plain text for
    /// reading time), from one parse, remembered by the source text: an article page asked for all three used
    /// to parse its body three times at every request.
    /// </summary>
    public RenderedMarkdown Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return RenderedMarkdown.Empty;
        if (_rendered.TryGetValue(markdown, out var known)) return known;

        var rendered = MarkdownLimits.Problem(markdown) is null ? RenderWithinLimits(markdown) : RenderedMarkdown.AsText(markdown);
        var size = markdown.Length + rendered.Html.Length + rendered.PlainText.Length;
        if (Interlocked.Add(ref _cachedChars, size) > MaxCachedChars)
        {
            _rendered.Clear();
            Interlocked.Exchange(ref _cachedChars, size);
        }

        _rendered.TryAdd(markdown, rendered);
        return rendered;
    }

    public string ToHtml(string? markdown) => Render(markdown).Html;

    /// <summary>
    /// The second-level headings of the Markdown with the ids <see cref="ToHtml"/> gives them, for an on-page table
    /// of contents. Empty for text over the limits (rendered as plain text, without headings).
    /// </summary>
    public IReadOnlyList<(string Id, string Text)> Outline(string? markdown) => Render(markdown).Outline;

    private RenderedMarkdown RenderWithinLimits(string markdown)
    {
        string html, plainText;
        List<(string Id, string Text)> outline;
        try
        {
            var document = Markdig.Markdown.Parse(markdown, _pipeline);
            // Outline and plain text before unsafe links are replaced: they show the text as written.
            outline = OutlineOf(document);
            plainText = PlainBlocks(document);
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (link.Url is { } url && !IsSafe(url)) link.Url = "#unsafe-link-removed";
            }

            foreach (var autolink in document.Descendants<AutolinkInline>())
            {
                if (!autolink.IsEmail && !IsSafe(autolink.Url)) autolink.Url = "#unsafe-link-removed";
            }

            html = document.ToHtml(_pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurd nesting ("[[[[..." thousands deep): show the text as text rather than fail the page.
            return RenderedMarkdown.AsText(markdown);
        }

        return new RenderedMarkdown(_sanitizer.Value.Sanitize(html), outline, plainText);
    }

    private static List<(string Id, string Text)> OutlineOf(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2 && h.GetAttributes().Id is { Length: > 0 } && h.Inline is not null)
            .Select(h => (h.GetAttributes().Id!, InlineText(h.Inline!).Trim()))
            .Where(h => h.Item2.Length > 0)
            .ToList();

    /// <summary>
    /// The text of the Markdown without markup, for search and the term index: not remembered, since an import
    /// indexes thousands of texts once each (pages read <see cref="RenderedMarkdown.PlainText"/> of <see cref="Render"/>).
    /// </summary>
    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (MarkdownLimits.Problem(markdown) is not null) return markdown.Trim();
        try
        {
            return PlainBlocks(Markdig.Markdown.Parse(markdown, _pipeline));
        }
        catch (ArgumentException)
        {
            return markdown.Trim();
        }
    }

    /// <summary>
    /// The text of each block (heading, paragraph, list item, code) on a line of its own, a paragraph's soft line
    /// breaks as spaces: search snippets can then mark where a heading ends and its text begins.
    /// </summary>
    private static string PlainBlocks(MarkdownDocument document)
    {
        var text = new System.Text.StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            var line = leaf.Inline is { } inline ? InlineText(inline) : string.Join(' ', leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString()));
            if (line.Trim() is not { Length: > 0 } trimmed) continue;
            if (text.Length > 0) text.Append('\n');
            text.Append(trimmed);
        }

        return text.ToString();
    }

    private static string InlineText(ContainerInline inline)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in inline.Descendants<Inline>())
        {
            switch (part)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case AutolinkInline link: text.Append(link.Url); break;
            }
        }

        return text.ToString();
    }

    private static bool IsSafe(string url) => url.Length == 0 || SafeUrl.IsSafe(url) || IsRelative(url);

    private static bool IsRelative(string url) =>
        !url.Contains(':', StringComparison.Ordinal) || url.IndexOf(':', StringComparison.Ordinal) > url.IndexOfAny(['/', '?', '#']) && url.IndexOfAny(['/', '?', '#']) >= 0;
}
