using System.Text.Json.Nodes;
using SysRift.Contents.Html;
using SysRift.Contents.Publishing;

namespace SysRift.Contents.Parts;

/// <summary>
/// The site's navigation from a menu: the published Menu whose alias is "main-menu" (Orchard's themes use the
/// same), its LinkMenuItem and HtmlMenuItem entries in order, each with its submenu. Null when there is no such
/// menu, and the theme uses the navigation links of its settings instead.
/// </summary>
public sealed class SiteMenu(PublishedContent published, HtmlRenderer html)
{
    public const string MenuType = "Menu";

    /// <summary>How deep submenus are followed.</summary>
    public const int MaxDepth = 3;

    public sealed record Entry(string Text, string Url, string? Html, bool NewTab, IReadOnlyList<Entry> Children);

    public async Task<IReadOnlyList<Entry>?> MainAsync(CancellationToken cancellationToken = default)
    {
        var menu = (await published.AllAsync(MenuType, cancellationToken))
            .FirstOrDefault(m => string.Equals(AliasOwners.Alias(m.Content), MenuPart.MainMenuAlias, StringComparison.OrdinalIgnoreCase));
        return menu is null ? null : Entries(menu.Part("MenuItemsListPart"), 0);
    }

    private List<Entry> Entries(JsonObject? list, int depth)
    {
        var entries = new List<Entry>();
        if (depth >= MaxDepth || list?["MenuItems"] is not JsonArray items) return entries;
        foreach (var item in items.OfType<JsonObject>())
        {
            var part = item["LinkMenuItemPart"] as JsonObject ?? item["HtmlMenuItemPart"] as JsonObject;
            if (part is null) continue;
            var url = LinkMenuItemPart.Href((string?)part["Url"]);
            if (url.Length > 0 && !Core.Site.SafeUrl.IsSafe(url)) url = "";
            var text = (string?)part["Name"] is { Length: > 0 } name ? name : (string?)item["DisplayText"] ?? "";
            var markup = item["HtmlMenuItemPart"] is JsonObject htmlPart && (string?)htmlPart["Html"] is { Length: > 0 } source ? html.Sanitize(source) : null;
            entries.Add(new Entry(text, url, markup, (string?)part["Target"] == "_blank", Entries(item["MenuItemsListPart"] as JsonObject, depth + 1)));
        }

        return entries;
    }
}
