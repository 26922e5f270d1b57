namespace SysRift.Core.Site;

/// <summary>The "SysRift" configuration section (environment form: SysRift__DataPath, ...).</summary>
public sealed class SysRiftOptions
{
    public const string Section = "SysRift";

    /// <summary>Where the SQLite file, site.json, media and keys live. Default: {content root}/App_Data.</summary>
    public string? DataPath { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public SetupOptions Setup { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (default) or Postgres.</summary>
    public string? Provider { get; set; }

    public string? ConnectionString { get; set; }
}

/// <summary>Unattended setup: when SiteName and the admin fields are set, a new site sets itself up at start.</summary>
public sealed class SetupOptions
{
    public string? SiteName { get; set; }
    public string? Recipe { get; set; }
    public string? AdminUserName { get; set; }
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>Stored as the site's public address (BaseUrl); SysRift:PublicUrl, if set, still wins.</summary>
    public string? PublicUrl { get; set; }

    public bool IsUnattended => !string.IsNullOrWhiteSpace(SiteName) && !string.IsNullOrWhiteSpace(AdminUserName);
}
