using SysRift.Contents.Markdown;

namespace SysRift.Tests.Unit;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Plain_text_keeps_each_block_on_its_line_and_a_paragraph_whole()
    {
        Assert.Equal("Why it fails\nNetworks drop packets. And *lie*.\nfirst\nsecond", _renderer.ToPlainText("## Why it fails\nNetworks drop `packets`. And\n\\*lie\\*.\n\n- first\n- second\n").Replace("`", "", StringComparison.Ordinal));
        Assert.Equal("Why it fails · Networks <mark>drop</mark> packets.", SysRift.Search.Services.SearchService.Highlight("Why it fails\nNetworks \u0001drop\u0002 packets."));
    }

    [Fact]
    public void Renders_headings_code_and_lists()
    {
        var html = _renderer.ToHtml("## Section\n\nText with `code`.\n\n```csharp\nvar x = 1;\n```\n\n- one\n- two\n");
        Assert.Contains("<h2 id=\"section\">Section</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code class=\"language-csharp\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Stored_markdown_never_becomes_script(string markdown)
    {
        var html = _renderer.ToHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Safe_links_are_kept() =>
        Assert.Contains("href=\"https://example.com/a\"", _renderer.ToHtml("[a](https://example.com/a) and [b](/articles/x) and [c](other-page)"), StringComparison.Ordinal);
}

public sealed class RenderedMarkdownTests
{
    private const string Article = "Intro with [a link](javascript:alert(1)).\n\n## Why it fails\n\nNetworks drop `packets`.\n\n## What to do\n\n- retry\n- give up\n";

    [Fact]
    public void One_rendering_gives_the_html_the_outline_and_the_text_a_page_shows()
    {
        var renderer = new MarkdownRenderer();
        var rendered = renderer.Render(Article);

        Assert.Contains("<h2 id=\"why-it-fails\">Why it fails</h2>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("#unsafe-link-removed", rendered.Html, StringComparison.Ordinal);
        Assert.Equal([("why-it-fails", "Why it fails"), ("what-to-do", "What to do")], rendered.Outline);
        // The text is the text as written (the link's words, not its replaced address), as the search index has it.
        Assert.Equal(new MarkdownRenderer().ToPlainText(Article), rendered.PlainText);
        Assert.StartsWith("Intro with a link.", rendered.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_is_rendered_once_and_then_read_from_memory()
    {
        var renderer = new MarkdownRenderer();
        var first = renderer.Render(Article);

        Assert.Same(first, renderer.Render(string.Concat(Article.AsSpan(0, 10), Article.AsSpan(10))));
        Assert.Same(first.Html, renderer.ToHtml(Article));
        Assert.Same(first.Outline, renderer.Outline(Article));
        Assert.NotSame(first, renderer.Render(Article + "\nMore."));
    }

    [Fact]
    public void Text_over_the_limits_is_shown_as_text_without_an_outline()
    {
        var tooLong = "## Heading\n\n" + new string('x', MarkdownLimits.MaxLength);
        var rendered = new MarkdownRenderer().Render(tooLong);

        Assert.StartsWith("<p>## Heading<br>", rendered.Html, StringComparison.Ordinal);
        Assert.Empty(rendered.Outline);
        Assert.Equal(tooLong, rendered.PlainText);
        Assert.Same(RenderedMarkdown.Empty, new MarkdownRenderer().Render("  \n"));
    }
}
