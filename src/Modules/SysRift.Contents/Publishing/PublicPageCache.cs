using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SysRift.Core.Diagnostics;
using SysRift.Core.Signals;

namespace SysRift.Contents.Publishing;

/// <summary>
/// Whole public responses kept in memory: the body once, plus its gzip and Brotli forms made when the
/// page is first rendered, and a weak ETag derived from the bytes (the same on every node and after a
/// restart). A visitor's revalidation is answered with 304. Any commit to content, settings or
/// definitions moves a stamp and drops every entry, so a publish is visible on the next request.
/// Only anonymous GET/HEAD requests for 200 responses of public paths are cached.
/// </summary>
public sealed class PublicPageCache(RequestDelegate next, ChangeSignal signal, SiteMetrics metrics)
{
    private const int MaxEntries = 5_000;
    private const long MaxBytes = 128L * 1024 * 1024;
    private static readonly string[] Uncached = ["/admin", "/setup", "/login", "/logout", "/health", "/metrics", "/search", "/_content", "/error", "/media"];
    private static readonly string[] CacheableTypes = ["text/html", "application/atom+xml", "application/xml", "text/plain"];

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Requests that miss together wait for one render instead of rendering the same page 64 times.
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Entry?>> _rendering = new(StringComparer.Ordinal);
    private (long Content, long Site, long Definitions) _stamp = (-1, -1, -1);
    private long _bytes;

    private sealed record Entry(string ContentType, string ETag, byte[] Raw, byte[] Gzip, byte[] Brotli);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsCacheable(context))
        {
            await next(context);
            return;
        }

        var stamp = (signal.Stamp(ChangeTopics.Content), signal.Stamp(ChangeTopics.Site), signal.Stamp(ChangeTopics.Definitions));
        if (stamp != _stamp)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
            _stamp = stamp;
        }

        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (_entries.TryGetValue(key, out var entry))
        {
            metrics.Increment("sysrift_page_cache_total", "result=\"hit\"");
            context.Items[SiteMetrics.RouteItem] = "(page cache)";
            await WriteAsync(context, entry);
            return;
        }

        metrics.Increment("sysrift_page_cache_total", "result=\"miss\"");
        var render = new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = _rendering.GetOrAdd(key, render);
        if (inFlight != render)
        {
            context.Items[SiteMetrics.RouteItem] = "(page cache)";
            if (await inFlight.Task is { } rendered) await WriteAsync(context, rendered);
            else await next(context);
            return;
        }

        try
        {
            entry = await RenderAsync(context, stamp, key);
            render.SetResult(entry);
        }
        catch
        {
            render.SetResult(null);
            throw;
        }
        finally
        {
            _rendering.TryRemove(key, out _);
        }
    }

    /// <summary>Runs the pipeline into a buffer; returns the cache entry, or null when the response is not cacheable (already sent).</summary>
    private async Task<Entry?> RenderAsync(HttpContext context, (long, long, long) stamp, string key)
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
            && !context.Response.Headers.ContainsKey(HeaderNames.SetCookie);
        if (!cacheable)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return null;
        }

        var entry = Build(contentType, buffer.ToArray());
        // Keep it only if nothing was committed while it rendered, and within the memory bound.
        if (stamp == (signal.Stamp(ChangeTopics.Content), signal.Stamp(ChangeTopics.Site), signal.Stamp(ChangeTopics.Definitions)))
        {
            if (_entries.Count >= MaxEntries || Interlocked.Read(ref _bytes) > MaxBytes)
            {
                _entries.Clear();
                Interlocked.Exchange(ref _bytes, 0);
            }

            if (_entries.TryAdd(key, entry)) Interlocked.Add(ref _bytes, entry.Raw.Length + entry.Gzip.Length + entry.Brotli.Length);
        }

        await WriteAsync(context, entry);
        return entry;
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
