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

/// <param name="LegacyStatusLine">A status line a site kept in its settings before it moved to the Home page item (shown so it is not lost).</param>
public sealed record SettingsViewModel(SettingsForm Form, IReadOnlyDictionary<string, string> Errors, string? Message, string? LegacyStatusLine = null);

public sealed record LabelRow(string Key, string Default, string Where, string Value);

public sealed record LabelsViewModel(IReadOnlyList<LabelRow> Labels, int Version, IReadOnlyDictionary<string, string> Errors, string? Message);
