using SysRift.Core.Site;

namespace SysRift.Admin.ViewModels;

/// <summary>The settings form: site and theme settings together, as the editor sees them.</summary>
public sealed class SettingsForm
{
    public string SiteName { get; set; } = "";
    public string? BaseUrl { get; set; }
    public int PageSize { get; set; } = 10;
    public string TimeZoneId { get; set; } = "UTC";
    public string Owner { get; set; } = "";
    public string Tagline { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public string Description { get; set; } = "";
    public string StatusLine { get; set; } = "";
    public string Footer { get; set; } = "";
    public List<NavigationLink> Navigation { get; set; } = [];
    public List<NavigationLink> SocialLinks { get; set; } = [];
    public List<HomeSectionRow> HomeSections { get; set; } = [];
    public int Version { get; set; }
}

public sealed class HomeSectionRow
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public int Position { get; set; }
    public bool Visible { get; set; } = true;
}

public sealed record SettingsViewModel(SettingsForm Form, IReadOnlyDictionary<string, string> Errors, string? Message);
