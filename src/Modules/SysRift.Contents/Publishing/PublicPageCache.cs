using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SysRift.Core.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Contents.Publishing;

/// <summary>
/// Whole public responses kept in memory with what they were built from (<see cref="ReadDependencies"/>):
/// the items, types and lists a render read. A commit retires only the pages that read what it changed, on
/// every node (the changed topics travel over the database's notification channel); settings and
/// definitions retire every page. A render that raced a commit is never kept (see <see cref="DependencyCache{TValue}"/>),
/// so a publish is visible on the next request. A miss is sent as rendered, uncompressed; its gzip and
/// Brotli forms are made off the request path (<see cref="PageCompressor"/>) and served once ready. A weak ETag derived from
/// the bytes (the same on every node and after a restart) answers a visitor's revalidation with 304.
/// Only anonymous GET/HEAD requests for 200 responses of public paths are cached, keyed by the path and the
/// query parameters pages read (<see cref="PageCacheOptions"/>); a response built from an unconfirmed
/// Host header (<see cref="ResponseCaching"/>) is served but not kept.
/// </summary>
public sealed class PublicPageCache(RequestDelegate next, ChangeSignal signal, SiteMetrics metrics, IOptions<PageCacheOptions> options, PageCompressor compressor)
{
    private static readonly string[] Uncached = ["/admin", "/setup", "/login", "/logout", "/health", "/metrics", "/search", "/_content", "/error", "/media"];
    private static readonly string[] CacheableTypes = ["text/html", "application/atom+xml", "application/xml", "text/plain"];

    private readonly PageCacheOptions _options = options.Value;
    private readonly DependencyCache<PageEntry> _cache = new(signal, options.Value.MaxEntries, options.Value.MaxBytes);

    /// <summary>Entries and bytes kept now (for the system page and tests).</summary>
    public (int Entries, long Bytes) Size => (_cache.Count, _cache.Bytes);

    /// <summary>
    /// The "endpoint" of a page served from the cache (before routing runs): ASP.NET Core's request metrics
    /// then count it under http_route="(page cache)" instead of no route at all.
    /// </summary>
    private static readonly Endpoint CachedPage = new(null, new EndpointMetadataCollection(new RouteLabel("(page cache)")), "Public page cache");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_options.Enabled || !IsCacheable(context))
        {
            await next(context);
            return;
        }

        // Pages only ever see the parameters that make them: the rest is gone before anything renders.
        context.Request.QueryString = CanonicalQuery(context.Request.Query);
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (_cache.TryGet(key, out var entry, out _))
        {
            metrics.PageCacheLookup(hit: true);
            context.SetEndpoint(CachedPage);
            await entry.WriteAsync(context);
            return;
        }

        metrics.PageCacheLookup(hit: false);
        // Requests that miss together wait for one render instead of rendering the same page 64 times. A waiter
        // takes the render only if the cache still holds it once it is done: a kept page is current (a commit
        // retires what it changed before it returns), whereas a render that finished may have been retired
        // by a commit after the waiter arrived.
        var render = new TaskCompletionSource<PageEntry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = _cache.InFlight.GetOrAdd(key, render);
        if (inFlight != render)
        {
            if (await inFlight.Task is { } rendered && _cache.Holds(key, rendered))
            {
                context.SetEndpoint(CachedPage);
                await rendered.WriteAsync(context);
            }
            else
            {
                // Rendered for this visitor alone; routing must still run (it skips a request that has an endpoint).
                await next(context);
            }

            return;
        }

        bool current;
        try
        {
            var readAt = signal.Sequence;
            var reads = ReadDependencies.Begin();
            entry = await RenderAsync(context);
            current = entry is not null && _cache.TryAdd(key, entry, entry.Bytes, reads.Topics, readAt);
        }
        finally
        {
            // Done before anyone is told, and before this response is written (a slow client could take long):
            // later misses start a render of their own instead of joining a finished one.
            _cache.InFlight.TryRemove(KeyValuePair.Create(key, render));
            render.TrySetResult(entry);
        }

        if (entry is null) return;
        if (current) compressor.Enqueue(entry, () => _cache.Holds(key, entry), compressed => _cache.Resize(key, entry, compressed.Bytes));
        await entry.WriteAsync(context);
    }

    /// <summary>The known parameters in a fixed order, first value each, empty and overlong values dropped.</summary>
    private QueryString CanonicalQuery(IQueryCollection query)
    {
        if (query.Count == 0) return QueryString.Empty;
        var kept = query
            .Where(p => _options.QueryParameters.Contains(p.Key) && p.Value.FirstOrDefault() is { Length: > 0 } v && v.Length <= _options.MaxQueryValueLength)
            .Select(p => (Key: p.Key.ToLowerInvariant(), Value: p.Value.First()!))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .DistinctBy(p => p.Key)
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
        return QueryString.Create(kept);
    }

    /// <summary>
    /// Runs the pipeline into a buffer; returns the cache entry, or null when the response is not cacheable
    /// (already sent). The buffer must hold the page as rendered, so the response compression further in is
    /// told that this request accepts no compression; the compressed forms are <see cref="PageCompressor"/>'s
    /// work, and a miss is sent uncompressed (as is a response that turns out not cacheable, such as a 404).
    /// </summary>
    private async Task<PageEntry?> RenderAsync(HttpContext context)
    {
        var original = context.Response.Body;
        var accepts = context.Request.Headers.AcceptEncoding;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        context.Request.Headers.AcceptEncoding = StringValues.Empty;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Request.Headers.AcceptEncoding = accepts;
        }

        var contentType = context.Response.ContentType ?? "";
        var cacheable = context.Response.StatusCode == StatusCodes.Status200OK
            && CacheableTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase))
            && !context.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            && !ResponseCaching.IsNotCacheable(context);
        if (!cacheable)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return null;
        }

        return new PageEntry(contentType, buffer.ToArray());
    }

    private static bool IsCacheable(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (request.Headers.ContainsKey(HeaderNames.Authorization)) return false;
        if (request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal))) return false;
        return !Uncached.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }
}
