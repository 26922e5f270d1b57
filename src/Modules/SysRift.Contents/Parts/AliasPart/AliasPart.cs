using System.Text.Json;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>{"Alias": "main-menu"}: Orchard's stable name of an item for templates and code; not a URL.</summary>
public sealed class AliasPart : ContentPartType
{
    public const int MaxLength = 1024;

    public override string Name => "AliasPart";

    public override string Label => "Alias";

    public override string Description => "A stable name templates use to find the item (not its URL).";

    public override void Validate(BlockValue value)
    {
        var alias = value.StringProperty("Alias");
        if (alias is { Length: > MaxLength }) value.Error("Alias", $"must be at most {MaxLength} characters.");
        else if (alias is { Length: > 0 } && !alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
            value.Error("Alias", "may hold only letters, digits, '-', '_', '.' and '/'.");
    }

    public override void Bind(EditorInput input) => input.Value["Alias"] = input.Text("Alias").Trim();

    public override string Text(EditorField editor) => editor.Get("Alias");
}
