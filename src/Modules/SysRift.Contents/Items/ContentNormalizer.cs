using SysRift.Contents.Definitions;
using SysRift.Contents.Fields;
using SysRift.Contents.Parts;

namespace SysRift.Contents.Items;

/// <summary>Derives what an item's parts imply before it is validated and stored: display text, path, sort order.</summary>
public static class ContentNormalizer
{
    public static void Prepare(ContentItem item, ContentTypeDefinition? type)
    {
        if (item.Title is { Length: > 0 } title) item.DisplayText = title;
        if (type is null) return;
        if (string.IsNullOrWhiteSpace(item.DisplayText)) item.DisplayText = type.DisplayName;

        if (type.HasPart("AutoroutePart"))
        {
            var part = item.GetOrCreatePart("AutoroutePart");
            var path = item.Path is { } given ? AutoroutePart.Normalize(given) : "";
            // Only the home item may have an empty path; every other routable item gets a slug.
            if (path.Length == 0 && !SetsHomepage(item)) path = PatternPrefix(type) + AutoroutePart.Slugify(item.DisplayText);
            part["Path"] = path;
        }
    }

    /// <summary>
    /// The literal start of the type's AutoroutePartSettings.Pattern ("articles/" in
    /// "articles/{{ ContentItem.DisplayText | slugify }}"). The Liquid expression itself is not
    /// evaluated: SysRift always appends the slugified display text.
    /// </summary>
    public static string PatternPrefix(ContentTypeDefinition type)
    {
        var pattern = SettingsReader.String(type.Part("AutoroutePart")?.Settings, "AutoroutePartSettings", "Pattern") ?? "";
        var cut = pattern.IndexOf("{{", StringComparison.Ordinal);
        var prefix = (cut >= 0 ? pattern[..cut] : "").Trim().Trim('/');
        return prefix.Length == 0 || AutoroutePart.Problem(prefix) is not null ? "" : prefix + "/";
    }

    public static bool SetsHomepage(ContentItem item) =>
        BooleanField.Read(item.Part("AutoroutePart") is { } p ? new System.Text.Json.Nodes.JsonObject { ["Value"] = p["SetHomepage"]?.DeepClone() } : null);

    /// <summary>The type part's "Order" numeric field, if the type has one.</summary>
    public static double? SortOrder(ContentItem item) => NumericField.Read(item.Field(item.ContentType, "Order"));
}
