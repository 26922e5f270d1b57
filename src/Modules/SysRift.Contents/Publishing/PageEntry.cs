using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SysRift.Contents.Publishing;

/// <summary>
/// One cached response: the body as rendered, a weak ETag derived from the bytes (the same on every node and
/// after a restart), and its gzip and Brotli forms once <see cref="PageCompressor"/> has made them (about a
/// millisecond after the render). Until then the body is sent as rendered, uncompressed: nothing is
/// compressed on a visitor's request path, where a publish would otherwise cost every miss it causes.
/// </summary>
public sealed class PageEntry(string contentType, byte[] raw)
{
    public sealed record CompressedForms(byte[] Gzip, byte[] Brotli);

    private volatile CompressedForms? _compressed;

    public string ContentType { get; } = contentType;
    public byte[] Raw { get; } = raw;
    public string ETag { get; } = "W/\"" + Convert.ToHexString(SHA256.HashData(raw), 0, 12).ToLowerInvariant() + "\"";

    public CompressedForms? Compressed
    {
        get => _compressed;
        set => _compressed = value;
    }

    /// <summary>Bytes of every form kept.</summary>
    public long Bytes => Raw.Length + (Compressed is { } forms ? forms.Gzip.Length + forms.Brotli.Length : 0);

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ETag = ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        // Browsers keep the page but ask again each time; the ETag makes that answer a bodiless 304.
        response.Headers.CacheControl = "public, no-cache";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == ETag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var (body, encoding) = Choose(context.Request.Headers.AcceptEncoding);
        if (encoding is not null) response.Headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private (byte[] Body, string? Encoding) Choose(StringValues accepts)
    {
        if (Compressed is not { } forms || accepts.Count == 0) return (Raw, null);
        // A client sending the header twice means both lists: joined, as a proxy would.
        return AcceptedEncoding.Preferred(accepts.Count == 1 ? accepts[0] : accepts.ToString()) switch
        {
            "br" => (forms.Brotli, "br"),
            "gzip" => (forms.Gzip, "gzip"),
            _ => (Raw, null),
        };
    }
}
