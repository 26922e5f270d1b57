namespace SysRift.Admin.Editors;

/// <summary>How a field is edited; each field type of the engine maps to one of these.</summary>
public enum EditorKind { Text, TextArea, Markdown, Number, Boolean, Date, DateTime, Time, Link, Tags, Choices, Picker, Path }

/// <summary>
/// One input of a generated content editor: its form name (the same path validation errors carry, such
/// as "Principle.Order"), its label and settings, and the value to show (what is stored or what the user typed).
/// </summary>
public sealed class EditorField
{
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required EditorKind Kind { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public double Step { get; init; } = 1;
    public bool Multiple { get; init; }

    /// <summary>A built-in part's own property (TitlePart.Title, AutoroutePart.Path, MarkdownBodyPart.Markdown), not a field object.</summary>
    public bool PartProperty { get; init; }

    public string Value { get; set; } = "";

    /// <summary>Second value: the link text of a LinkField.</summary>
    public string Value2 { get; set; } = "";

    public List<string> Values { get; set; } = [];

    /// <summary>Choices for Choices (value, label) and Picker (content item id, display text).</summary>
    public List<(string Value, string Label)> Options { get; set; } = [];

    public List<string> Errors { get; } = [];

    public string Id => "f-" + Name.Replace('.', '-');
}
