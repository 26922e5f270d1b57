using System.Collections.Concurrent;
using Ganss.Xss;

namespace SysRift.Contents.Html;

/// <summary>
/// Authored HTML (Orchard's HtmlBodyPart and HtmlField) as the site shows it: stored as given, rendered
/// through HtmlSanitizer with an allow-list of elements, attributes and URL schemes (no scripts, styles,
/// event handlers, frames or forms). Rendered HTML is remembered by its source, since sanitising is costly.
/// </summary>
public sealed class HtmlRenderer
{
    /// <summary>The longest HTML a part or field stores.</summary>
    public const int MaxLength = 400_000;

    private const long MaxCachedChars = 16 * 1024 * 1024;

    // Made on first use (see MarkdownRenderer): most starts and commands never sanitise HTML.
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(() => new HtmlSanitizer(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "picture", "source", "ul", "ol", "li", "dl", "dt", "dd",
            "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "small", "del", "ins", "mark", "sub", "sup", "br", "hr", "abbr", "cite", "q", "time",
            "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span", "section", "article", "aside", "header", "footer", "nav",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "href", "src", "srcset", "sizes", "alt", "title", "id", "class", "width", "height", "loading", "datetime", "cite", "colspan", "rowspan", "scope", "start", "reversed", "lang", "dir", "role", "aria-label",
        },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
        AllowedCssProperties = new HashSet<string>(),
    }));

    private readonly ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);
    private long _cachedChars;

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        if (_rendered.TryGetValue(html, out var known)) return known;
        var safe = _sanitizer.Value.Sanitize(html.Length > MaxLength ? html[..MaxLength] : html);
        if (Interlocked.Add(ref _cachedChars, html.Length + safe.Length) > MaxCachedChars)
        {
            _rendered.Clear();
            Interlocked.Exchange(ref _cachedChars, html.Length + safe.Length);
        }

        _rendered.TryAdd(html, safe);
        return safe;
    }

    /// <summary>The text of the HTML without markup, for search and summaries.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html.Length > MaxLength ? html[..MaxLength] : html);
        foreach (var hidden in document.QuerySelectorAll("script, style, template").ToList()) hidden.Remove();
        return string.Join(' ', (document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
