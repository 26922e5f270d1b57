using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Core.Documents;
using SysRift.Core.Signals;
using SysRift.Core.Site;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// "Settings": SiteName, BaseUrl, PageSize, TimeZoneId (or TimeZone) and HomeRoute go to the site
/// settings; every other key is kept as a named settings document ("Settings:{Key}").
/// </summary>
public sealed class SettingsStep(DocumentStore documents) : IRecipeStep
{
    private static readonly string[] SiteKeys = ["SiteName", "BaseUrl", "PageSize", "TimeZoneId", "TimeZone", "HomeRoute", ThemeSettings.Key];

    public IReadOnlyList<string> Names { get; } = ["Settings"];

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in context.Step.ToList())
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase)) continue;
            var path = JsonPath.Property(context.Path, key);
            switch (Canonical(key))
            {
                case "SiteName":
                    if (Text(value) is not { } name || SiteSettingsRules.SiteName(name) is not null) context.Error(path, $"SiteName must be text of 1 to {SiteSettingsRules.MaxSiteName} characters.");
                    break;
                case "BaseUrl":
                    if (value is not null && value.GetValueKind() != JsonValueKind.Null && (Text(value) is null || SiteSettingsRules.BaseUrl(Text(value)) is not null))
                        context.Error(path, $"BaseUrl must be an absolute http(s) URL, not {value?.ToJsonString() ?? "null"}.");
                    break;
                case ThemeSettings.Key:
                    // The theme document is read by every page: the same rules as the admin's settings form.
                    if (SiteSettingsRules.ReadTheme(value, out var shapeError) is not { } theme) context.Error(path, shapeError!);
                    else foreach (var (setting, message) in SiteSettingsRules.Theme(theme)) context.Error($"{path}.{setting}", $"{setting}: {message}");
                    break;
                case "PageSize":
                    if (Integer(value) is not (>= 1 and <= 100)) context.Error(path, "PageSize must be a whole number from 1 to 100.");
                    break;
                case "TimeZoneId":
                case "TimeZone":
                    if (Text(value) is not { } zone || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                        context.Error(path, $"\"{Text(value)}\" is not a known time zone (use an IANA id such as Europe/Paris or UTC).");
                    break;
                case "HomeRoute":
                    if (value is not JsonObject route) context.Error(path, "HomeRoute must be an object of route values.");
                    else if (Text(route["ContentItemId"]) is not { Length: > 0 })
                    {
                        context.Unsupported(path, "a HomeRoute that is not a content item (Area/Controller/Action only) is not supported; SysRift's home page is a content item.");
                        if (context.SkipUnsupported) context.Step.Remove(key);
                    }

                    break;
            }
        }

        return Task.CompletedTask;
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var site = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new SiteSettings();
        var named = 0;
        foreach (var (key, value) in context.Step)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase)) continue;
            switch (Canonical(key))
            {
                case "SiteName": site.SiteName = Text(value)!; break;
                case "BaseUrl": site.BaseUrl = Text(value) is { Length: > 0 } url ? url.TrimEnd('/') : null; break;
                case "PageSize": site.PageSize = Integer(value)!.Value; break;
                case "TimeZoneId":
                case "TimeZone": site.TimeZoneId = Text(value)!; break;
                case "HomeRoute":
                    site.HomeRoute = ((JsonObject)value!).Where(p => Text(p.Value) is not null).ToDictionary(p => p.Key, p => Text(p.Value)!);
                    break;
                case ThemeSettings.Key:
                    // Stored as read (typed): the same document the admin writes.
                    await documents.SaveAsync(SiteSettings.NamedSettingsPrefix + ThemeSettings.Key, SiteSettingsRules.ReadTheme(value, out _)!, ChangeTopics.Site, cancellationToken);
                    named++;
                    break;
                default:
                    await documents.SaveRawAsync(SiteSettings.NamedSettingsPrefix + key, value?.ToJsonString() ?? "null", ChangeTopics.Site, cancellationToken);
                    named++;
                    break;
            }
        }

        await documents.SaveAsync(SiteSettings.DocumentName, site, ChangeTopics.Site, cancellationToken);
        return $"Settings: site settings saved{(named > 0 ? $", {named} named settings document(s)" : "")}.";
    }

    private static string Canonical(string key) => SiteKeys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static int? Integer(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
