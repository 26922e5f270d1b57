namespace SysRift.Setup.Services;

/// <summary>Everything setup needs, from the form or from configuration.</summary>
public sealed class SetupRequest
{
    public string SiteName { get; set; } = "SysRift";
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The address visitors use ("https://example.com"); empty to decide later in the settings.</summary>
    public string? PublicUrl { get; set; }
    public string Recipe { get; set; } = "sysrift";
    public string AdminUserName { get; set; } = "";
    public string AdminEmail { get; set; } = "";
    public string AdminPassword { get; set; } = "";
    public string PasswordConfirmation { get; set; } = "";
    public string DatabaseProvider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }

    /// <summary>Whether Recipe may be a file path (configuration, trusted) or only a shipped recipe's name (the web form).</summary>
    public bool AllowRecipeFile { get; set; }
}

/// <summary>Setup's outcome: errors by form field ("" for the form as a whole).</summary>
public sealed record SetupResult(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> RecipeProblems)
{
    public bool Succeeded => Errors.Count == 0;

    public static SetupResult Ok { get; } = new(new Dictionary<string, string>(), []);
}
