using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Core.Documents;

namespace SysRift.Core.Site;

/// <summary>
/// What the site and theme settings must satisfy, wherever they come from: the admin's settings form and a
/// recipe's Settings step check the same rules, so a recipe cannot store what the form would refuse (a
/// javascript: link, a Theme document of the wrong shape that would break every page).
/// Errors are keyed by the setting's path ("Navigation[2].Url").
/// </summary>
public static class SiteSettingsRules
{
    public const int MaxSiteName = 200;

    public static string? SiteName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "The site needs a name."
        : name.Trim().Length > MaxSiteName ? $"The site name must be at most {MaxSiteName} characters." : null;

    public static string? BaseUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) || PublicAddress.Normalize(url) is not null ? null
        : "The public address must be an http or https URL, such as https://example.com.";

    public static Dictionary<string, string> Theme(ThemeSettings theme)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (value, limit, name) in new[]
        {
            (theme.Tagline, 200, nameof(ThemeSettings.Tagline)),
            (theme.Description, 300, nameof(ThemeSettings.Description)), (theme.Footer, 500, nameof(ThemeSettings.Footer)), (theme.Owner, 100, nameof(ThemeSettings.Owner)),
            (theme.JobTitle, 100, nameof(ThemeSettings.JobTitle)),
        })
            if ((value?.Length ?? 0) > limit) errors[name] = $"At most {limit} characters.";

        Links(theme.Navigation, nameof(ThemeSettings.Navigation), errors);
        Links(theme.SocialLinks, nameof(ThemeSettings.SocialLinks), errors);
        var known = ThemeSettings.DefaultHomeSections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < theme.HomeSections.Count; i++)
            if (theme.HomeSections[i] is null || !known.Contains(theme.HomeSections[i].Key))
                errors[$"{nameof(ThemeSettings.HomeSections)}[{i}].Key"] = $"Home sections are {string.Join(", ", known)}.";
        return errors;
    }

    /// <summary>Reads a Theme document from JSON as the site will; its shape error (with the JSON path inside it) or the value.</summary>
    public static ThemeSettings? ReadTheme(JsonNode? json, out string? shapeError)
    {
        shapeError = null;
        if (json is not JsonObject)
        {
            shapeError = "The Theme settings must be an object (Navigation, SocialLinks, Footer, ...).";
            return null;
        }

        try
        {
            var theme = json.Deserialize<ThemeSettings>(DocumentStore.JsonOptions);
            if (theme is null || theme.Navigation is null || theme.SocialLinks is null || theme.HomeSections is null
                || theme.Navigation.Concat(theme.SocialLinks).Any(l => l is null || l.Text is null || l.Url is null))
            {
                shapeError = "Navigation, SocialLinks and HomeSections must be lists of objects with text values.";
                return null;
            }

            return theme;
        }
        catch (JsonException exception)
        {
            shapeError = $"The Theme settings do not have the expected shape at {exception.Path ?? "$"}: {exception.Message.Split(". Path:", 2)[0]}.";
            return null;
        }
    }

    private static void Links(List<NavigationLink> links, string name, Dictionary<string, string> errors)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(links[i].Text)) errors[$"{name}[{i}].Text"] = "Give the link a text.";
            if (string.IsNullOrWhiteSpace(links[i].Url) || !SafeUrl.IsSafe(links[i].Url)) errors[$"{name}[{i}].Url"] = "Use a site path such as /about or an http, https or mailto address.";
        }
    }
}
