using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>
/// {"Path": "articles/some-slug", "SetHomepage": false}: the public URL of an item. Paths are stored
/// without a leading slash; they may hold lowercase letters, digits, '-', '_' and '/' between segments.
/// When a type has the part and an item gives no path, the path is its display text slugified (Orchard's
/// default pattern); Liquid patterns are not evaluated. No display view: the path is where the item is.
/// </summary>
public sealed class AutoroutePart : ContentPartType
{
    public const int MaxLength = 1024;

    public override string Name => "AutoroutePart";

    public override string Label => "URL path";

    public override string Description => "The item's public address (/articles/my-article), made from its title unless given.";

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Path");
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            value.ErrorAsIs("Path", "Path must be text.");
            return;
        }

        if (Problem(Normalize(v.GetValue<string>())) is { } problem) value.ErrorAsIs("Path", problem);
    }

    public override void Bind(EditorInput input)
    {
        input.Value["Path"] = input.Text("Path").Trim();
        // Orchard's SetHomepage: publishing the item makes it the site's home page ("/").
        input.Value["SetHomepage"] = input.All("SetHomepage").Contains("true");
    }

    public override string Text(EditorField editor) => editor.Get("Path");

    public static string Normalize(string path) => path.Trim().Trim('/');

    /// <summary>Why <paramref name="path"/> (normalised) cannot be a public URL, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Length > MaxLength) return $"Path must be at most {MaxLength} characters.";
        if (path.Length == 0) return null;
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) return "Path must not contain empty segments (//).";
            if (segment is "." or "..") return "Path must not contain '.' or '..' segments.";
            if (!segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
                return $"Path segment \"{segment}\" may only hold lowercase letters, digits, '-', '_' and '.'.";
        }

        string[] reserved = ["admin", "setup", "login", "logout", "health", "metrics", "media", "search", "feed.xml", "sitemap.xml", "robots.txt", "_content", "css", "js"];
        var first = path.Split('/')[0];
        return reserved.Contains(first) ? $"Path must not start with the reserved segment \"{first}\"." : null;
    }

    /// <summary>"Why Distributed Systems Fail (and How)" becomes "why-distributed-systems-fail-and-how".</summary>
    public static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                builder.Append(lower);
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 200 ? slug[..200].Trim('-') : slug;
    }
}
