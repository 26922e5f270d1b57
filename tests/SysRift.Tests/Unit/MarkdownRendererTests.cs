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
