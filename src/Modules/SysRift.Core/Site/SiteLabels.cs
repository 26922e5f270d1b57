namespace SysRift.Core.Site;

/// <summary>
/// The "Labels" settings document: every word the theme prints that is not content (buttons, pagers, the 404
/// text, the search labels, the colour-scheme toggle). Each has a default; the document holds only what the
/// owner changed, edited in the admin (Settings → Labels). An owner who calls the articles "Writing" renames
/// them here and in the navigation, and nowhere else.
/// </summary>
public sealed class SiteLabels
{
    public const string Key = "Labels";

    /// <summary>Changed labels by key; a key missing or blank reads as its default.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    public string this[string key] =>
        Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value
        : ByKey.TryGetValue(key, out var label) ? label.Default
        : throw new KeyNotFoundException($"No label \"{key}\" is defined in SiteLabels.All.");

    /// <summary>A label with {name} placeholders filled ("Page {page} of {pages}").</summary>
    public string Format(string key, params (string Name, object Value)[] values) =>
        values.Aggregate(this[key], (text, v) => text.Replace("{" + v.Name + "}", Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    public sealed record Label(string Key, string Default, string Where);

    /// <summary>Every label, in the order the admin lists them.</summary>
    public static readonly IReadOnlyList<Label> All =
    [
        new("SkipToContent", "Skip to content", "First link of every page, for keyboard users"),
        new("SearchSite", "Search the site", "The header's search box, the search page's field, the 404 page's link"),
        new("Search", "Search", "The search page's heading and button"),
        new("ResultsOne", "1 result for “{query}”.", "Search page, one result ({query} is what was searched)"),
        new("ResultsMany", "{count} results for “{query}”.", "Search page, other counts"),
        new("DarkMode", "Dark mode", "The colour-scheme button, in the light scheme"),
        new("LightMode", "Light mode", "The colour-scheme button, in the dark scheme"),
        new("OnThisPage", "On this page", "Heading of the contents of a long page"),
        new("ReadArticles", "Read the articles", "The home page's button at the end of Writing"),
        new("ReadArticlesUrl", "/articles", "Where that button leads"),
        new("Articles", "Articles", "The link above an article's title"),
        new("MinRead", "{minutes} min read", "An article's reading time"),
        new("Related", "Related", "Heading of an article's related articles"),
        new("Previous", "Previous", "Link to the article before"),
        new("Next", "Next", "Link to the article after"),
        new("All", "All", "The filter that shows every article"),
        new("NoArticles", "No published articles yet.", "The article list when it is empty"),
        new("Newer", "Newer", "Pager: the page before"),
        new("Older", "Older", "Pager: the page after"),
        new("PageOf", "Page {page} of {pages}", "Pager"),
        new("NotFound", "Not found", "Heading of the 404 page"),
        new("NotFoundText", "There is nothing at this address.", "Text of the 404 page"),
        new("HomeLink", "Go to the home page", "Link on the 404 and error pages"),
        new("Elsewhere", "Elsewhere", "Name of the footer's social links (read by screen readers)"),
        new("Feed", "Atom feed", "Footer link to the feed"),
        new("Sitemap", "Sitemap", "Footer link to the sitemap"),
    ];

    private static readonly IReadOnlyDictionary<string, Label> ByKey = All.ToDictionary(l => l.Key, StringComparer.Ordinal);

    public static bool IsKnown(string key) => ByKey.ContainsKey(key);
}
