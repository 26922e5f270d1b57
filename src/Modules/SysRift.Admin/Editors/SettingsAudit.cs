using SysRift.Core.Site;

namespace SysRift.Admin.Editors;

/// <summary>
/// What the audit trail keeps of a settings change: every setting as a "Name: value" line, before and after,
/// so the trail shows a word-level diff of exactly what changed (a one-word tagline edit marks that word).
/// </summary>
public static class SettingsAudit
{
    private const string BeforeMarker = "Before:\n";
    private const string AfterMarker = "\nAfter:\n";

    public static string Text(SiteSettings site, ThemeSettings theme) => string.Join('\n', new[]
    {
        $"Site name: {site.SiteName}", $"Public address: {site.BaseUrl}", $"Items per page: {site.PageSize}", $"Time zone: {site.TimeZoneId}",
        $"Owner: {theme.Owner}", $"Job title: {theme.JobTitle}", $"Tagline: {theme.Tagline}", $"Description: {theme.Description}", $"Footer: {theme.Footer}",
    }
    .Concat(theme.Navigation.Select((l, i) => $"Navigation {i + 1}: {l.Text} → {l.Url}"))
    .Concat(theme.SocialLinks.Select((l, i) => $"Social link {i + 1}: {l.Text} → {l.Url}"))
    .Append($"Home sections: {string.Join(", ", theme.EffectiveHomeSections().Where(s => s.Visible).Select(s => s.Key))}"));

    public static string Details(string before, string after) => BeforeMarker + before + AfterMarker + after;

    /// <summary>The before and after texts of an entry written by <see cref="Details"/>; null for any other entry.</summary>
    public static (string Before, string After)? Split(string? details)
    {
        if (details is null || !details.StartsWith(BeforeMarker, StringComparison.Ordinal)) return null;
        var at = details.IndexOf(AfterMarker, StringComparison.Ordinal);
        return at < 0 ? null : (details[BeforeMarker.Length..at], details[(at + AfterMarker.Length)..]);
    }
}
