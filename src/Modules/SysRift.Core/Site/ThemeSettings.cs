namespace SysRift.Core.Site;

/// <summary>
/// The "Theme" settings document: who the site is of, its navigation, social links, footer and the order and
/// visibility of the home page's sections. Edited in the admin (Settings), read by the theme; never in views.
/// </summary>
public sealed class ThemeSettings
{
    public const string Key = "Theme";

    public string Owner { get; set; } = "";
    public string Tagline { get; set; } = "";

    /// <summary>What the owner does ("Backend and systems engineer"): the home page's Person jobTitle for search engines.</summary>
    public string JobTitle { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>
    /// Where sites kept a status line before it had one place, the Home page item's Status field (which a filled
    /// setting silently hid). Nothing shows or edits it now; the settings page shows a value that is still here, so
    /// its owner can move it.
    /// </summary>
    [Obsolete("The status line is the Home page item's Status field; this is read only to show what an older site kept here.")]
    public string StatusLine { get; set; } = "";

    public List<NavigationLink> Navigation { get; set; } = [];
    public List<NavigationLink> SocialLinks { get; set; } = [];
    public string Footer { get; set; } = "";

    /// <summary>Home sections in display order; sections missing here are shown after these, in their default order.</summary>
    public List<HomeSection> HomeSections { get; set; } = [];

    /// <summary>The home page's sections, in the seeds' order.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> DefaultHomeSections =
    [
        ("now", "Now"), ("principles", "Principles"), ("history", "History"), ("exploration", "Exploration areas"),
        ("models", "Mental models"), ("shelf", "Shelf"), ("outside", "Outside engineering"), ("writing", "Writing"),
    ];

    /// <summary>Every known section once, in the configured order, with its visibility.</summary>
    public IReadOnlyList<HomeSection> EffectiveHomeSections()
    {
        var known = DefaultHomeSections.Select(s => s.Key).ToList();
        var result = HomeSections.Where(s => known.Contains(s.Key)).DistinctBy(s => s.Key).Select(s => new HomeSection { Key = s.Key, Visible = s.Visible }).ToList();
        result.AddRange(known.Where(k => result.All(s => s.Key != k)).Select(k => new HomeSection { Key = k, Visible = true }));
        return result;
    }
}

public sealed class NavigationLink
{
    public string Text { get; set; } = "";
    public string Url { get; set; } = "";
}

public sealed class HomeSection
{
    public string Key { get; set; } = "";
    public bool Visible { get; set; } = true;
}
