using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Contents.Publishing;
using SysRift.Core.Data;
using SysRift.Core.Signals;
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

    /// <summary>The newest articles as Atom 1.0, built and written by System.ServiceModel.Syndication.</summary>
    private static async Task FeedAsync(HttpContext context, PublishedContent published, SiteSettingsService settings, PublicAddress address)
    {
        var site = await settings.GetAsync(context.RequestAborted);
        var owner = (await settings.GetNamedAsync<ThemeSettings>(ThemeSettings.Key, context.RequestAborted)).Owner is { Length: > 0 } named ? named : site.SiteName;
        var baseUrl = address.BaseUrl(context, site);
        var articles = (await published.PageAsync("Article", 1, FeedSize, cancellationToken: context.RequestAborted)).Items;
        var feed = new SyndicationFeed(site.SiteName, null, new Uri(baseUrl + "/articles"), baseUrl + "/", Updated(articles.Select(a => a.ModifiedUtc ?? a.PublishedUtc).Max()))
        {
            Authors = { new SyndicationPerson { Name = owner } },
            Links = { new SyndicationLink(new Uri(baseUrl + "/feed.xml"), "self", null, "application/atom+xml", 0) },
            Items = articles.Select(article =>
            {
                var url = new Uri($"{baseUrl}/{article.Path}");
                var entry = new SyndicationItem(article.DisplayText, (SyndicationContent?)null, url, url.AbsoluteUri, Updated(article.ModifiedUtc ?? article.PublishedUtc))
                {
                    PublishDate = Updated(article.PublishedUtc),
                    Summary = new TextSyndicationContent(article.Text("Article", "Summary")),
                };
                foreach (var tag in article.Values("Article", "Tags")) entry.Categories.Add(new SyndicationCategory(tag));
                return entry;
            }).ToList(),
        };

        // The formatter writes synchronously: into memory first, then to the response.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    private static DateTimeOffset Updated(DateTime? utc) => new(DateTime.SpecifyKind(utc ?? DateTime.UnixEpoch, DateTimeKind.Utc));

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
        // A change to any item retires the cached sitemap.
        ReadDependencies.TrackReadsHere();
        ReadDependencies.Record(ChangeTopics.Items);
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
}
