using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.ProbeModule.Fields;

/// <summary>{"Stars": 4, "Verdict": "Worth the weekend"}: a star rating out of VerdictFieldSettings.MaxStars (default 5) with a one-line verdict.</summary>
public sealed class VerdictField : ContentFieldType
{
    public const int DefaultMaxStars = 5;

    public override string Name => "VerdictField";

    public override string Description => "A star rating with a one-line verdict.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("MaxStars", SettingKind.Number, "Most stars", "From 1 to 10; 5 when empty.") { Minimum = 1, Maximum = 10 },
    ];

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Stars");
        int? stars = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && int.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
        if (stars is null && node is not null && node.GetValueKind() != JsonValueKind.Null) value.Error("Stars", "must be a whole number of stars.");
        value.RequireWhenEmpty("Stars", stars is null);
        var max = MaxStars(value.Number("MaxStars"));
        if (stars is { } given && (given < 1 || given > max)) value.Error("Stars", $"must be from 1 to {max} stars.");
        if (value.StringProperty("Verdict") is { Length: > 200 }) value.Error("Verdict", "must be at most 200 characters.");
    }

    public override void ValidateSettings(BlockSettingsCheck check)
    {
        if (check.Number("MaxStars") is { } max && max != Math.Floor(max)) check.Error("MaxStars", "Most stars must be a whole number.");
    }

    public override void Bind(EditorInput input)
    {
        var typed = input.Text().Trim();
        input.Value["Stars"] = typed.Length == 0 ? null : int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stars) ? JsonValue.Create(stars) : JsonValue.Create(typed);
        input.Value["Verdict"] = input.Text("Verdict");
    }

    public override string Text(EditorField editor) => editor.Get("Stars") is { Length: > 0 } stars ? $"{stars} stars: {editor.Get("Verdict")}" : editor.Get("Verdict");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (Stars(value) is { } stars) entry.Term(stars.ToString(CultureInfo.InvariantCulture));
        if (value["Verdict"] is JsonValue verdict && verdict.TryGetValue<string>(out var text)) entry.AddText(text);
    }

    public static int MaxStars(double? setting) => setting is { } max and >= 1 and <= 10 ? (int)max : DefaultMaxStars;

    public static int? Stars(JsonObject value) =>
        value["Stars"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && int.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;

    public static string Verdict(JsonObject value) => value["Verdict"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
