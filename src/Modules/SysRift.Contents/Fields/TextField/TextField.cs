using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Fields;

/// <summary>{"Text": "..."}. Settings: TextFieldSettings.Required, Hint; SysRift adds MaxLength and Pattern (+PatternMessage).</summary>
/// <remarks>
/// Patterns run with <see cref="RegexOptions.NonBacktracking"/>: matching time is linear in the text whatever the
/// pattern, so no pattern can make a save take seconds. Compiled patterns are kept, since building one costs
/// far more than matching it.
/// </remarks>
public sealed class TextField : ContentFieldType
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public override string Name => "TextField";

    public override string Description => "A line or a paragraph of plain text.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("Editor", SettingKind.Text, "Editor", "TextArea for several lines; empty (or an editor SysRift lacks) for one line.") { Group = "ContentPartFieldSettings" },
        new("MaxLength", SettingKind.Number, "Maximum length", "In characters; empty for no limit.") { Minimum = 1, Maximum = 1_000_000 },
        new("Pattern", SettingKind.Text, "Pattern", "A regular expression the whole text must match (no lookarounds or backreferences)."),
        new("PatternMessage", SettingKind.Text, "Pattern message", "Shown when the text does not match, after the field's name."),
    ];

    public override void Validate(BlockValue value)
    {
        var text = value.StringProperty("Text");
        value.RequireWhenEmpty("Text", string.IsNullOrWhiteSpace(text));
        if (string.IsNullOrEmpty(text)) return;

        if (value.Number("MaxLength") is { } max && text.Length > max)
            value.Error("Text", $"must be at most {max} characters (it has {text.Length}).");

        if (value.Text("Pattern") is { Length: > 0 } pattern)
        {
            if (Compile(pattern) is not { } regex)
            {
                value.Error("Text", $"cannot be checked: its pattern {pattern} is not a valid pattern (lookarounds and backreferences are not supported).");
                return;
            }

            if (!regex.IsMatch(text))
                value.Error("Text", value.Text("PatternMessage") is { Length: > 0 } message ? message : $"must match the pattern {pattern}.");
        }
    }

    public override void ValidateSettings(BlockSettingsCheck check)
    {
        if (check.Text("Pattern") is { Length: > 0 } pattern && Compile(pattern) is null)
            check.Error("Pattern", $"{pattern} is not a pattern SysRift can run (lookarounds and backreferences are not supported).");
    }

    public override void Bind(EditorInput input) => input.Value["Text"] = input.Text();

    public override string Text(EditorField editor) => editor.Get("Text");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["Text"] is JsonValue text && text.TryGetValue<string>(out var s)) entry.AddText(s);
    }

    /// <summary>Whether the editor is a multi-line text area (Orchard's TextArea editor).</summary>
    public static bool IsMultiline(EditorField editor) =>
        editor.EditorSetting.Equals("TextArea", StringComparison.OrdinalIgnoreCase) || editor.EditorSetting.Equals("Multiline", StringComparison.OrdinalIgnoreCase);

    /// <summary>The anchored, linear-time regex for <paramref name="pattern"/>, or null when it is not one.</summary>
    public static Regex? Compile(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var known)) return known;
        Regex? regex;
        try
        {
            regex = new Regex($"^(?:{pattern})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            regex = null;
        }

        if (Patterns.Count > 1_000) Patterns.Clear();
        return Patterns[pattern] = regex;
    }
}
