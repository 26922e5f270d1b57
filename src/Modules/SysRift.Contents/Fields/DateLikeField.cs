using System.Globalization;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Fields;

/// <summary>What DateField, DateTimeField and TimeField share: {"Value": "..."}, checked to parse as what it claims to be.</summary>
public abstract class DateLikeField(string expected, Func<string, bool> parses) : ContentFieldType
{
    public override IReadOnlyList<BlockSetting> Settings { get; } = [BlockSetting.HintSetting, BlockSetting.RequiredSetting];

    public override void Validate(BlockValue value)
    {
        var text = value.StringProperty("Value");
        value.RequireWhenEmpty("Value", string.IsNullOrWhiteSpace(text));
        if (!string.IsNullOrWhiteSpace(text) && !parses(text.Trim())) value.Error("Value", $"must be {expected} (got \"{text}\").");
    }

    public override void Bind(EditorInput input)
    {
        var typed = input.Text().Trim();
        input.Value["Value"] = typed.Length == 0 ? null : typed;
    }

    public override string Text(EditorField editor) => editor.Get("Value");

    /// <summary>The value as a UTC moment, when it is one.</summary>
    public static DateTime? ReadDate(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    protected static bool IsDate(string text) => ReadDate(text) is not null;
}
