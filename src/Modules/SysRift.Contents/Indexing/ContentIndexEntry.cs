using SysRift.Contents.Markdown;

namespace SysRift.Contents.Indexing;

/// <summary>
/// What one published version gives the indexes, collected block by block: terms for filters (keyed by
/// "Part.Field"), text and tags for full-text search, and the body. Blocks add to it in their Index method.
/// </summary>
public sealed class ContentIndexEntry(MarkdownRenderer markdown)
{
    public const int MaxTermLength = 256;

    private readonly List<(string Field, string Value)> _terms = [];
    private readonly List<string> _text = [];
    private readonly List<string> _tags = [];

    /// <summary>The "Part.Field" key the block being indexed writes its terms under.</summary>
    public string Key { get; internal set; } = "";

    public IReadOnlyList<(string Field, string Value)> Terms => _terms;
    public IReadOnlyList<string> Text => _text;
    public IReadOnlyList<string> Tags => _tags;
    public string Body { get; private set; } = "";

    /// <summary>A value the site filters by (a tag, a flag, a picked id); empty or over-long values are left out.</summary>
    public void Term(string value)
    {
        if (value.Length is > 0 and <= MaxTermLength && !_terms.Contains((Key, value))) _terms.Add((Key, value));
    }

    public void AddText(string text)
    {
        if (!string.IsNullOrWhiteSpace(text)) _text.Add(text);
    }

    public void AddMarkdown(string source) => AddText(markdown.ToPlainText(source));

    public void Tag(string tag)
    {
        if (!string.IsNullOrWhiteSpace(tag)) _tags.Add(tag);
    }

    /// <summary>The item's body (MarkdownBodyPart), searched and shown in snippets apart from field text.</summary>
    public void SetBody(string markdownSource) => Body = markdown.ToPlainText(markdownSource);

    /// <summary>A body already reduced to plain text (HtmlBodyPart).</summary>
    public void SetBodyText(string text) => Body = text;
}
