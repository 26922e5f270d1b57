using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using AngleSharp.Html.Dom;
using SysRift.Contents.Items;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>One site set up from the shipped sysrift recipe, read by several tests (they do not change it).</summary>
public sealed class SysRiftSiteFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public SiteFactory Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Site = new SiteFactory(_database, recipe: "sysrift");
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await _database!.DisposeAsync();
    }
}

public sealed class PublicSiteTests(SysRiftSiteFixture fixture) : IClassFixture<SysRiftSiteFixture>
{
    private async Task<IHtmlDocument> PageAsync(string path)
    {
        var response = await fixture.Site.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFactory.ParseAsync(response);
    }

    [Fact]
    public async Task The_home_page_shows_every_seed_section_in_order_and_numbered()
    {
        var page = await PageAsync("/");
        Assert.Equal("I build systems to understand them.", page.QuerySelector("h1")!.TextContent.Trim());
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Now", "Engineering Principles", "History", "Exploration Areas", "Mental Models", "Shelf", "Outside Engineering", "Writing Philosophy"], headings);

        var principles = page.QuerySelectorAll(".numbered__item").ToList();
        Assert.Equal(6, principles.Count);
        Assert.Equal("01", principles[0].QuerySelector(".numbered__number")!.TextContent);
        Assert.Equal("Build Before Consuming", principles[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("Design For The Operator", principles[5].QuerySelector("h3")!.TextContent);
        Assert.Equal(6, page.QuerySelectorAll(".timeline__entry").Length);
        Assert.Contains("Now", page.QuerySelectorAll(".timeline__period").Last().TextContent, StringComparison.Ordinal);
        Assert.Equal(["local → global", "measure → move", "failure → evidence", "buffer → debt", "state → coupling", "choice → system"],
            page.QuerySelectorAll(".cards--models .tagline").Select(t => t.TextContent));
        Assert.Equal(4, page.QuerySelectorAll(".area").Length);
        Assert.Contains("Honeypots", page.QuerySelector(".areas")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll(".cards--now .card").Length);
        Assert.Contains("I do not learn through roadmaps.", page.QuerySelector(".pull-quote")!.TextContent, StringComparison.Ordinal);
        var jsonLd = JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("Person", jsonLd["@type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_about_page_shows_essays_work_skills_and_experience()
    {
        var page = await PageAsync("/about");
        Assert.Equal("An engineer who hunts assumptions", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("What must always be true?", page.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll(".works > li").Length);
        Assert.Equal(7, page.QuerySelectorAll(".skills dt").Length);
        var roles = page.QuerySelectorAll(".experience > li h3").Select(h => h.TextContent).ToList();
        Assert.Equal(5, roles.Count);
        Assert.StartsWith("Founding Engineer", roles[0], StringComparison.Ordinal);
        Assert.Contains("Scale and reliability are much closer than they appear.", page.QuerySelector(".pull-quote")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_knowledge_base_lists_start_here_flagship_and_all_articles_with_filters()
    {
        var page = await PageAsync("/articles");
        Assert.Equal("Engineering knowledge base", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["From Request to Completion: How Real Systems Execute Work", "Designing Reliable Workflow Systems in Production", "Why Distributed Systems Fail (and How to Design Around It)"],
            page.QuerySelectorAll(".start-here a").Select(a => a.TextContent));
        Assert.Equal(3, page.QuerySelectorAll(".flagship__item").Length);
        Assert.Equal(9, page.QuerySelectorAll(".article-list .article-card").Length);

        var filtered = await PageAsync("/articles?focus=Security");
        Assert.Equal(["Common API Security Mistakes in Real Projects"], filtered.QuerySelectorAll(".article-list h3").Select(h => h.TextContent.Trim()));
        var tagged = await PageAsync("/articles?tag=idempotency");
        Assert.Equal(2, tagged.QuerySelectorAll(".article-list .article-card").Length);
    }

    [Fact]
    public async Task An_article_shows_summary_takeaway_body_tags_reading_time_and_neighbours()
    {
        var page = await PageAsync("/articles/why-distributed-systems-fail");
        Assert.Equal("Why Distributed Systems Fail (and How to Design Around It)", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("mismatched assumptions", page.QuerySelector(".takeaway-box")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelectorAll(".prose h2").Length >= 3);
        Assert.Contains("min read", page.QuerySelector(".article__meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".chips a"), a => a.GetAttribute("href") == "/articles?tag=ordering");
        Assert.NotNull(page.QuerySelector("a[rel=prev]"));
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
        Assert.Equal(2, page.QuerySelectorAll(".related .article-card").Length);
        Assert.Equal("Article", JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!["@type"]!.GetValue<string>());
        Assert.EndsWith("/articles/why-distributed-systems-fail", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Search_ranks_and_highlights_and_refuses_nothing_it_is_given()
    {
        var page = await PageAsync("/search?q=queue");
        var hits = page.QuerySelectorAll(".search-results li").ToList();
        Assert.NotEmpty(hits);
        Assert.NotNull(hits[0].QuerySelector("mark"));

        foreach (var hostile in new[] { "\"*)(", "<script>alert(1)</script>", "a OR b NEAR c", "'; DROP TABLE x; --", new string('x', 5000) })
        {
            var response = await fixture.Site.Browser().GetAsync("/search?q=" + Uri.EscapeDataString(hostile));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Feed_sitemap_and_robots_are_well_formed()
    {
        var client = fixture.Site.Browser();
        var feed = new XmlDocument();
        feed.LoadXml(await client.GetStringAsync("/feed.xml"));
        var atom = new XmlNamespaceManager(feed.NameTable);
        atom.AddNamespace("a", "http://www.w3.org/2005/Atom");
        var entries = feed.SelectNodes("/a:feed/a:entry", atom)!;
        Assert.Equal(9, entries.Count);
        foreach (XmlNode entry in entries)
            foreach (var required in new[] { "a:id", "a:title", "a:updated", "a:link" })
                Assert.NotNull(entry.SelectSingleNode(required, atom));
        Assert.NotNull(feed.SelectSingleNode("/a:feed/a:author/a:name", atom));

        var sitemap = new XmlDocument();
        sitemap.LoadXml(await client.GetStringAsync("/sitemap.xml"));
        var urls = sitemap.GetElementsByTagName("loc").Cast<XmlNode>().Select(n => n.InnerText).ToList();
        Assert.Equal(12, urls.Count); // home, about, articles and nine articles
        Assert.Contains(urls, u => u.EndsWith("/articles/common-api-security-mistakes", StringComparison.Ordinal));

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: ", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_paths_get_the_themed_404()
    {
        var response = await fixture.Site.Browser().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await SiteFactory.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".site-header"));
        Assert.Equal("Not found", page.QuerySelector("h1")!.TextContent);
    }
}
