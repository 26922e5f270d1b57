using System.Buffers;

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

    private static readonly SearchValues<char> Marks = SearchValues.Create("[*_~:");
    private static readonly SearchValues<char> Blank = SearchValues.Create(" \t\r");

    /// <summary>Why <paramref name="markdown"/> is over the bounds, or null.</summary>
    /// <remarks>
    /// Runs on every imported or saved body and before every render: the text is searched line by line for the
    /// few characters that count (vectorised), not looked at one character at a time.
    /// </remarks>
    public static string? Problem(string markdown)
    {
        if (markdown.Length > MaxLength) return $"is {markdown.Length:N0} characters long; the limit is {MaxLength:N0}.";
        int brackets = 0, emphasis = 0, urls = 0, paragraph = 1;
        var rest = markdown.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            for (var at = line.IndexOfAny(Marks); at >= 0; at = NextMark(line, at))
            {
                var c = line[at];
                if (c is '[' && ++brackets > MaxBracketsPerParagraph) return $"has more than {MaxBracketsPerParagraph} '[' in paragraph {paragraph}; split it into paragraphs.";
                if (c is '*' or '_' or '~' && ++emphasis > MaxEmphasisPerParagraph) return $"has more than {MaxEmphasisPerParagraph} emphasis marks (*, _, ~) in paragraph {paragraph}; split it into paragraphs.";
                if (c is ':' && line[(at + 1)..].StartsWith("//") && ++urls > MaxUrlsPerParagraph)
                    return $"has more than {MaxUrlsPerParagraph} addresses in paragraph {paragraph}; split it into paragraphs.";
            }

            if (end < 0) return null;
            // A blank line (nothing but spaces) ends a paragraph.
            if (line.IndexOfAnyExcept(Blank) < 0)
            {
                brackets = emphasis = urls = 0;
                paragraph++;
            }

            rest = rest[(end + 1)..];
        }
    }

    private static int NextMark(ReadOnlySpan<char> line, int at)
    {
        var next = line[(at + 1)..].IndexOfAny(Marks);
        return next < 0 ? -1 : at + 1 + next;
    }
}
