using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Fields;

/// <summary>
/// {"Paths": ["blog/cover.jpg"], "MediaTexts": ["A lighthouse at dusk"]}: Orchard's media field, paths into the
/// media library (served under /media/) with an alt text for each. Settings: Required, Multiple (on unless set off, as in Orchard).
/// </summary>
public sealed class MediaField : ContentFieldType
{
    public override string Name => "MediaField";

    public override string Description => "Images from the media library, each with its alt text.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("Multiple", SettingKind.Flag, "Allow several images") { DefaultOn = true },
    ];

    public override void Validate(BlockValue value)
    {
        var paths = Read(value.Value, "Paths", out var wellFormed);
        if (!wellFormed) value.Error("Paths", "must be a list of media paths.");
        value.RequireWhenEmpty("Paths", paths.Count == 0);
        if (paths.Count > 1 && !value.Flag("Multiple", fallback: true)) value.Error("Paths", "takes one image only.");
        foreach (var path in paths.Where(p => Url(p) is null))
            value.Error("Paths", $"has \"{path}\", which is not a media path (such as blog/cover.jpg) or an http(s) address.");
    }

    /// <summary>One line per image: "path | alt text".</summary>
    public override void Bind(EditorInput input)
    {
        var paths = new List<string>();
        var texts = new List<string>();
        foreach (var line in input.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            paths.Add((bar < 0 ? line : line[..bar]).Trim());
            texts.Add(bar < 0 ? "" : line[(bar + 1)..].Trim());
        }

        input.Value["Paths"] = EditorInput.Array(paths);
        input.Value["MediaTexts"] = EditorInput.Array(texts);
    }

    public override string Text(EditorField editor) => string.Join("\n", Images(editor.Value).Select(i => i.Alt.Length > 0 ? $"{i.Path} | {i.Alt}" : i.Path));

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        foreach (var (_, alt) in Images(value)) entry.AddText(alt);
    }

    /// <summary>The images with their alt texts (Orchard keeps the two lists side by side).</summary>
    public static List<(string Path, string Alt)> Images(JsonObject? value)
    {
        var paths = Read(value, "Paths", out _);
        var texts = Read(value, "MediaTexts", out _);
        return paths.Select((p, i) => (p, i < texts.Count ? texts[i] : "")).ToList();
    }

    /// <summary>Where the browser finds the image: /media/{path} for a library path; an http(s) address as is; null when it is neither.</summary>
    public static string? Url(string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        var relative = path.Trim().TrimStart('/');
        if (relative.StartsWith("media/", StringComparison.OrdinalIgnoreCase)) relative = relative["media/".Length..];
        if (relative.Length == 0 || relative.Contains("..", StringComparison.Ordinal) || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal)) return null;
        return "/media/" + string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    private static List<string> Read(JsonObject? value, string property, out bool wellFormed)
    {
        wellFormed = true;
        var node = value?[property];
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return [];
        if (node is not JsonArray array)
        {
            wellFormed = false;
            return [];
        }

        var list = new List<string>();
        foreach (var entry in array)
        {
            if (entry is JsonValue v && v.TryGetValue<string>(out var s)) list.Add(s);
            else wellFormed = false;
        }

        return list;
    }
}
