namespace SysRift.Theme.Models;

/// <summary>The "Theme" settings document: who the site is of, its navigation and footer. Editable, never in views.</summary>
public sealed class ThemeSettings
{
    public const string Key = "Theme";

    public string Owner { get; set; } = "";
    public string Tagline { get; set; } = "";
    public string Description { get; set; } = "";
    public List<NavigationLink> Navigation { get; set; } = [];
    public string Footer { get; set; } = "";
}

public sealed class NavigationLink
{
    public string Text { get; set; } = "";
    public string Url { get; set; } = "";
}
