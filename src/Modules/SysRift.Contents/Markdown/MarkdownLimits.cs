namespace SysRift.Contents.Markdown;

/// <summary>
/// Bounds on Markdown that keep rendering linear in practice. Markdig's inline parsing is quadratic in the
/// delimiters of one paragraph: 160 KB of "[x](" took 21 s, 120 KB of bare URLs 1.4 s. Measured on this
/// machine, text within these bounds renders in well under half a second whatever it holds, so one request
/// can never hold a core for long. Checked when an item is saved or imported (a field error) and again
/// before rendering (stored text over them is shown as plain text).
/// </summary>
public static class MarkdownLimits
{
    /// <summary>About 15,000 words: several times the longest article.</summary>
    public const int MaxLength = 100_000;

    /// <summary>Per paragraph (text between blank lines).</summary>
    public const int MaxBracketsPerParagraph = 500;
    public const int MaxEmphasisPerParagraph = 1_000;
    public const int MaxUrlsPerParagraph = 300;

    /// <summary>Why <paramref name="markdown"/> is over the bounds, or null.</summary>
    public static string? Problem(string markdown)
    {
        if (markdown.Length > MaxLength) return $"is {markdown.Length:N0} characters long; the limit is {MaxLength:N0}.";
        int brackets = 0, emphasis = 0, urls = 0, paragraph = 1;
        var blank = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                if (blank)
                {
                    brackets = emphasis = urls = 0;
                    paragraph++;
                }

                blank = true;
                continue;
            }

            if (c is not (' ' or '\t' or '\r')) blank = false;
            if (c is '[' && ++brackets > MaxBracketsPerParagraph) return $"has more than {MaxBracketsPerParagraph} '[' in paragraph {paragraph}; split it into paragraphs.";
            if (c is '*' or '_' or '~' && ++emphasis > MaxEmphasisPerParagraph) return $"has more than {MaxEmphasisPerParagraph} emphasis marks (*, _, ~) in paragraph {paragraph}; split it into paragraphs.";
            if (c is ':' && i + 2 < markdown.Length && markdown[i + 1] == '/' && markdown[i + 2] == '/' && ++urls > MaxUrlsPerParagraph)
                return $"has more than {MaxUrlsPerParagraph} addresses in paragraph {paragraph}; split it into paragraphs.";
        }

        return null;
    }
}
