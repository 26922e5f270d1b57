using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SysRift.Core.Diagnostics;
using Microsoft.Extensions.Options;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Contents.Publishing;

/// <summary>
/// Whole public responses kept in memory: the body once, plus its gzip and Brotli forms made when the
/// page is first rendered, and a weak ETag derived from the bytes (the same on every node and after a
/// restart). A visitor's revalidation is answered with 304. Any commit to content, settings or
/// definitions moves a stamp, which retires the whole generation of entries (see <see cref="CacheGeneration{TValue}"/>),
/// so a publish is visible on the next request and a render that raced the commit is never served.
/// Only anonymous GET/HEAD requests for 200 responses of public paths are cached, keyed by the path and the
/// query parameters pages read (<see cref="PageCacheOptions"/>); a response built from an unconfirmed
/// Host header (<see cref="ResponseCaching"/>) is served but not kept.
/// </summary>
public sealed class PublicPageCache(RequestDelegate next, ChangeSignal signal, SiteMetrics metrics, IOptions<PageCacheOptions> options)
{
    private static readonly string[] Uncached = ["/admin", "/setup", "/login", "/logout", "/health", "/metrics", "/search", "/_content", "/error", "/media"];
    private static readonly string[] CacheableTypes = ["text/html", "application/atom+xml", "application/xml", "text/plain"];

    private readonly PageCacheOptions _options = options.Value;
    private CacheGeneration<Entry> _generation = new([-1, -1, -1], 0, 0);

    private sealed record Entry(string ContentType, string ETag, byte[] Raw, byte[] Gzip, byte[] Brotli)
    {
        public long Bytes => Raw.Length + Gzip.Length + Brotli.Length;
    }

    /// <summary>Entries and bytes kept now (for the system page and tests).</summary>
    public (int Entries, long Bytes) Size
    {
        get
        {
            var generation = Volatile.Read(ref _generation);
            return (generation.Count, generation.Bytes);
        }
    }

    /// <summary>
    /// The "endpoint" of a page served from the cache (before routing runs): ASP.NET Core's request metrics
    /// then count it under http_route="(page cache)" instead of no route at all.
    /// </summary>
    private static readonly Endpoint CachedPage = new(null, new EndpointMetadataCollection(new RouteLabel("(page cache)")), "Public page cache");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsCacheable(context))
        {
            await next(context);
            return;
        }

        // Pages only ever see the parameters that make them: the rest is gone before anything renders.
        context.Request.QueryString = CanonicalQuery(context.Request.Query);
        var stamps = Stamps();
        if (CacheGeneration<Entry>.For(ref _generation, stamps, _options.MaxEntries, _options.MaxBytes) is not { } generation)
        {
            // A commit landed between reading the stamps and now: serve this one fresh, keep nothing.
            await next(context);
            return;
        }

        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (generation.TryGet(key, out var entry))
        {
            metrics.PageCacheLookup(hit: true);
            context.SetEndpoint(CachedPage);
            await WriteAsync(context, entry);
            return;
        }

        metrics.PageCacheLookup(hit: false);
        // Requests that miss together wait for one render instead of rendering the same page 64 times; they
        // join only renders of their own generation, never one that started before a commit.
        var render = new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = generation.InFlight.GetOrAdd(key, render);
        if (inFlight != render)
        {
            context.SetEndpoint(CachedPage);
            if (await inFlight.Task is { } rendered) await WriteAsync(context, rendered);
            else await next(context);
            return;
        }

        try
        {
            entry = await RenderAsync(context);
            if (entry is not null) generation.Add(key, entry, entry.Bytes);
            render.SetResult(entry);
            if (entry is not null) await WriteAsync(context, entry);
        }
        catch
        {
            render.TrySetResult(null);
            throw;
        }
        finally
        {
            generation.InFlight.TryRemove(key, out _);
        }
    }

    private long[] Stamps() => [signal.Stamp(ChangeTopics.Content), signal.Stamp(ChangeTopics.Site), signal.Stamp(ChangeTopics.Definitions)];

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

    /// <summary>Runs the pipeline into a buffer; returns the cache entry, or null when the response is not cacheable (already sent).</summary>
    private async Task<Entry?> RenderAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
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

        return Build(contentType, buffer.ToArray());
    }

    private static bool IsCacheable(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (request.Headers.ContainsKey(HeaderNames.Authorization)) return false;
        if (request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal))) return false;
        return !Uncached.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }

    private static Entry Build(string contentType, byte[] raw)
    {
        var etag = "W/\"" + Convert.ToHexString(SHA256.HashData(raw), 0, 12).ToLowerInvariant() + "\"";
        return new Entry(contentType, etag, raw, Compress(raw, s => new GZipStream(s, CompressionLevel.Optimal)), Compress(raw, s => new BrotliStream(s, CompressionLevel.Optimal)));
    }

    private static byte[] Compress(byte[] raw, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output)) compressor.Write(raw);
        return output.ToArray();
    }

    private static Task WriteAsync(HttpContext context, Entry entry)
    {
        var response = context.Response;
        response.Headers.ETag = entry.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        // Browsers keep the page but ask again each time; the ETag makes that answer a bodiless 304.
        response.Headers.CacheControl = "public, no-cache";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == entry.ETag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = entry.ContentType;
        var accepts = context.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) ? (entry.Brotli, "br")
            : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (entry.Gzip, "gzip")
            : (entry.Raw, null);
        if (encoding is not null) response.Headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
