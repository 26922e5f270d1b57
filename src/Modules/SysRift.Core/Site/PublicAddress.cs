using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace SysRift.Core.Site;

/// <summary>
/// The site's absolute address for canonical links, Open Graph, JSON-LD, the feed, the sitemap and robots.txt.
/// It comes from configuration (SysRift:PublicUrl) or the site's BaseUrl setting, never from what a client
/// claims. Only when neither is set does it fall back to the request's Host (and scheme); such a response is
/// then marked not cacheable unless host filtering (AllowedHosts) vouches for the Host, so one request with
/// a forged Host header cannot poison the page that every later visitor is served.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public const string ConfigurationKey = "SysRift:PublicUrl";

    public string? Configured => Normalize(configuration[ConfigurationKey]);

    /// <summary>Whether AllowedHosts restricts the Host header (the host filtering middleware refuses others).</summary>
    public bool HostsAreFiltered => configuration["AllowedHosts"] is { Length: > 0 } hosts && hosts.Trim() != "*";

    /// <summary>"https://example.com" (no trailing slash).</summary>
    public string BaseUrl(HttpContext context, SiteSettings site)
    {
        if ((Configured ?? Normalize(site.BaseUrl)) is { } trusted) return trusted;
        if (!HostsAreFiltered) ResponseCaching.MarkNotCacheable(context);
        return FromRequest(context.Request);
    }

    /// <summary>What the request says the site's address is; for setup to offer, never to trust unconfirmed.</summary>
    public static string FromRequest(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>The address without a trailing slash, or null when it is not an absolute http(s) URL.</summary>
    public static string? Normalize(string? url) =>
        url is { Length: > 0 } && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? url.Trim().TrimEnd('/')
            : null;
}

/// <summary>A response can say it must not be kept by the public page cache (built from untrusted input).</summary>
public static class ResponseCaching
{
    private const string NotCacheableItem = "SysRift.NotCacheable";

    public static void MarkNotCacheable(HttpContext context) => context.Items[NotCacheableItem] = true;

    public static bool IsNotCacheable(HttpContext context) => context.Items.ContainsKey(NotCacheableItem);
}
