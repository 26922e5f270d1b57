using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Fields;
using SysRift.Contents.Items;

namespace SysRift.Contents.Parts;

/// <summary>
/// Orchard's SEO part: PageTitle, MetaDescription and a social image (DefaultSocialImage or OpenGraphImage,
/// media fields) override what the layout would put in the title, the description and og:image. Its other
/// properties (keywords, robots, custom tags...) are kept as they are.
/// </summary>
public sealed class SeoMetaPart : ContentPartType
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 500;

    public override string Name => "SeoMetaPart";

    public override string Label => "Search and sharing";

    public override string Description => "A page title, a description and an image for search engines and link previews, instead of the defaults.";

    public override void Validate(BlockValue value)
    {
        if (value.StringProperty("PageTitle") is { Length: > MaxTitle }) value.ErrorAsIs("PageTitle", $"The page title must be at most {MaxTitle} characters.");
        if (value.StringProperty("MetaDescription") is { Length: > MaxDescription }) value.ErrorAsIs("MetaDescription", $"The description must be at most {MaxDescription} characters.");
    }

    public override void Bind(EditorInput input)
    {
        input.Value["PageTitle"] = input.Text("PageTitle").Trim();
        input.Value["MetaDescription"] = input.Text("MetaDescription").Trim();
        var image = input.Text("Image").Trim();
        var social = input.Value["DefaultSocialImage"] as JsonObject ?? new JsonObject();
        social["Paths"] = EditorInput.Array(image.Length > 0 ? [image] : []);
        input.Value["DefaultSocialImage"] = social;
    }

    public override string Text(EditorField editor) =>
        string.Join("\n", new[] { editor.Get("PageTitle"), editor.Get("MetaDescription"), Image(editor.Value) ?? "" }.Where(s => s.Length > 0));

    /// <summary>What the item asks the layout for: null where it asks nothing.</summary>
    public static (string? Title, string? Description, string? ImageUrl) For(ContentItem item)
    {
        if (item.Part("SeoMetaPart") is not { } part) return (null, null, null);
        static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } s ? s : null;
        return (Text(part["PageTitle"]), Text(part["MetaDescription"]), Image(part) is { } path ? MediaField.Url(path) : null);
    }

    private static string? Image(JsonObject? part) =>
        new[] { "DefaultSocialImage", "OpenGraphImage" }.Select(k => MediaField.Images(part?[k] as JsonObject).Select(i => i.Path).FirstOrDefault()).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
}
