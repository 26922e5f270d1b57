using SysRift.Contents.Markdown;

namespace SysRift.Tests.Unit;

/// <summary>
/// The limits are searched for line by line; the answer must be the one a plain walk over every character
/// gives (<see cref="CharacterByCharacter"/>, the implementation it replaced), for ordinary and hostile text.
/// </summary>
public sealed class MarkdownLimitsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("\n\n\n")]
    [InlineData("see https://example.com and http:/x and ftp:// and :// at the end://")]
    [InlineData("a:\n//b")]
    [InlineData(" \t\r\n[")]
    public void Ordinary_text_is_within_the_limits(string markdown)
    {
        Assert.Null(MarkdownLimits.Problem(markdown));
        Assert.Null(CharacterByCharacter(markdown));
    }

    [Fact]
    public void Each_limit_names_the_paragraph_that_breaks_it()
    {
        var brackets = "intro\n \r\t\n" + string.Concat(Enumerable.Repeat("[x] ", MarkdownLimits.MaxBracketsPerParagraph + 1));
        var emphasis = "one\n\ntwo\n\n" + new string('*', MarkdownLimits.MaxEmphasisPerParagraph + 1);
        var urls = "a\n\n" + string.Concat(Enumerable.Repeat("http://x ", MarkdownLimits.MaxUrlsPerParagraph + 1));

        Assert.Equal("has more than 500 '[' in paragraph 2; split it into paragraphs.", MarkdownLimits.Problem(brackets));
        Assert.Contains("emphasis marks (*, _, ~) in paragraph 3", MarkdownLimits.Problem(emphasis), StringComparison.Ordinal);
        Assert.Contains("addresses in paragraph 2", MarkdownLimits.Problem(urls), StringComparison.Ordinal);
        Assert.Contains("characters long", MarkdownLimits.Problem(new string('x', MarkdownLimits.MaxLength + 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_text_gets_the_answer_a_walk_over_every_character_gives()
    {
        // Few distinct characters, so that marks crowd paragraphs over the limits and blank lines come often.
        const string alphabet = "[[[***__~~:://ab \t\r\n";
        var random = new Random(20261207);
        var overLimits = 0;
        for (var round = 0; round < 3_000; round++)
        {
            var length = random.Next(0, round % 10 == 0 ? 20_000 : 400);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (round % 3 == 0) text = text.Replace("\n", "", StringComparison.Ordinal); // one long paragraph
            var expected = CharacterByCharacter(text);
            Assert.Equal(expected, MarkdownLimits.Problem(text));
            if (expected is not null) overLimits++;
        }

        Assert.InRange(overLimits, 20, 2_900);
    }

    private static string? CharacterByCharacter(string markdown)
    {
        if (markdown.Length > MarkdownLimits.MaxLength) return $"is {markdown.Length:N0} characters long; the limit is {MarkdownLimits.MaxLength:N0}.";
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
            if (c is '[' && ++brackets > MarkdownLimits.MaxBracketsPerParagraph) return $"has more than {MarkdownLimits.MaxBracketsPerParagraph} '[' in paragraph {paragraph}; split it into paragraphs.";
            if (c is '*' or '_' or '~' && ++emphasis > MarkdownLimits.MaxEmphasisPerParagraph) return $"has more than {MarkdownLimits.MaxEmphasisPerParagraph} emphasis marks (*, _, ~) in paragraph {paragraph}; split it into paragraphs.";
            if (c is ':' && i + 2 < markdown.Length && markdown[i + 1] == '/' && markdown[i + 2] == '/' && ++urls > MarkdownLimits.MaxUrlsPerParagraph)
                return $"has more than {MarkdownLimits.MaxUrlsPerParagraph} addresses in paragraph {paragraph}; split it into paragraphs.";
        }

        return null;
    }
}
