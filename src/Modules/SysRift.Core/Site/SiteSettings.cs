namespace SysRift.Core.Site;

/// <summary>The "Site" document: settings every page needs. Other settings keys live in their own documents.</summary>
public sealed class SiteSettings
{
    public const string DocumentName = "Site";

    public string SiteName { get; set; } = "SysRift";
    public string? BaseUrl { get; set; }
    public int PageSize { get; set; } = 10;
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Orchard's HomeRoute route values; SysRift serves the item named by ContentItemId at "/".</summary>
    public Dictionary<string, string>? HomeRoute { get; set; }

    public DateTime? SetupCompletedUtc { get; set; }

    public string? HomeContentItemId => HomeRoute is not null && HomeRoute.TryGetValue("ContentItemId", out var id) && !string.IsNullOrWhiteSpace(id) ? id : null;

    public static Dictionary<string, string> HomeRouteFor(string contentItemId) => new()
    {
        ["Action"] = "Display",
        ["Controller"] = "Item",
        ["Area"] = "OrchardCore.Contents",
        ["ContentItemId"] = contentItemId,
    };

    /// <summary>Named settings documents (from the recipe Settings step's other keys) are stored under this prefix.</summary>
    public const string NamedSettingsPrefix = "Settings:";
}
