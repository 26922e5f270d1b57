using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Contents.Publishing;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Syndication;

/// <summary>/feed.xml (Atom 1.0, RFC 4287), /sitemap.xml (sitemaps.org 0.9) and /robots.txt.</summary>
public static class SyndicationEndpoints
{
    public const int FeedSize = 20;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feed.xml", FeedAsync);
        endpoints.MapGet("/sitemap.xml", SitemapAsync);
        endpoints.MapGet("/robots.txt", RobotsAsync);
    }

    private static async Task FeedAsync(HttpContext context, PublishedContent published, SiteSettingsService settings, PublicAddress address)
    {
        var site = await settings.GetAsync(context.RequestAborted);
        var baseUrl = address.BaseUrl(context, site);
        var articles = (await published.PageAsync("Article", 1, FeedSize, cancellationToken: context.RequestAborted)).Items;
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        const string atom = "http://www.w3.org/2005/Atom";
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "feed", atom);
        await Element(writer, "title", site.SiteName);
        await Element(writer, "id", baseUrl + "/");
        await Element(writer, "updated", Rfc3339(articles.Select(a => a.ModifiedUtc ?? a.PublishedUtc).Max() ?? DateTime.UnixEpoch));
        await Link(writer, baseUrl + "/feed.xml", "self", "application/atom+xml");
        await Link(writer, baseUrl + "/articles", "alternate", "text/html");
        await writer.WriteStartElementAsync(null, "author", null);
        await Element(writer, "name", site.SiteName);
        await writer.WriteEndElementAsync();
        foreach (var article in articles)
        {
            var url = $"{baseUrl}/{article.Path}";
            await writer.WriteStartElementAsync(null, "entry", null);
            await Element(writer, "title", article.DisplayText);
            await Element(writer, "id", url);
            await Link(writer, url, "alternate", "text/html");
            await Element(writer, "published", Rfc3339(article.PublishedUtc ?? DateTime.UnixEpoch));
            await Element(writer, "updated", Rfc3339(article.ModifiedUtc ?? article.PublishedUtc ?? DateTime.UnixEpoch));
            await Element(writer, "summary", article.Text("Article", "Summary"));
            foreach (var tag in article.Values("Article", "Tags"))
            {
                await writer.WriteStartElementAsync(null, "category", null);
                await writer.WriteAttributeStringAsync(null, "term", null, tag);
                await writer.WriteEndElementAsync();
            }

            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    private static async Task SitemapAsync(HttpContext context, SysRiftDbContext db, SiteSettingsService settings, PublicAddress address)
    {
        var site = await settings.GetAsync(context.RequestAborted);
        var baseUrl = address.BaseUrl(context, site);
        context.Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", ns);
        // Streams every published, routable item (50,000 at most, the sitemap protocol's limit) without loading their content.
        var entries = db.ContentVersions.Where(v => v.Published && v.Path != null)
            .OrderBy(v => v.Path).Select(v => new { v.Path, v.ModifiedUtc }).Take(50_000).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(context.RequestAborted))
        {
            await writer.WriteStartElementAsync(null, "url", ns);
            await Element(writer, "loc", entry.Path!.Length == 0 ? baseUrl + "/" : $"{baseUrl}/{entry.Path}", ns);
            await Element(writer, "lastmod", DateTime.SpecifyKind(entry.ModifiedUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ns);
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    private static async Task RobotsAsync(HttpContext context, SiteSettingsService settings, PublicAddress address)
    {
        var site = await settings.GetAsync(context.RequestAborted);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"User-agent: *\nDisallow: /admin\nDisallow: /setup\nDisallow: /login\nDisallow: /search\nAllow: /\n\nSitemap: {address.BaseUrl(context, site)}/sitemap.xml\n");
    }

    private static Task Element(XmlWriter writer, string name, string value, string? ns = null) => writer.WriteElementStringAsync(null, name, ns, value);

    private static async Task Link(XmlWriter writer, string href, string rel, string type)
    {
        await writer.WriteStartElementAsync(null, "link", null);
        await writer.WriteAttributeStringAsync(null, "href", null, href);
        await writer.WriteAttributeStringAsync(null, "rel", null, rel);
        await writer.WriteAttributeStringAsync(null, "type", null, type);
        await writer.WriteEndElementAsync();
    }

    private static string Rfc3339(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
