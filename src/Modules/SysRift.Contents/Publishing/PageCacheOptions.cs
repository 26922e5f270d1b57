namespace SysRift.Contents.Publishing;

/// <summary>
/// What the public page cache keeps. Only the query parameters that pages read are part of a page's identity
/// (the theme names its own: focus, tag, page); any other parameter is dropped before the page renders, so
/// "?v=123" is the same cached page as no query at all and random query strings cannot grow the cache.
/// </summary>
public sealed class PageCacheOptions
{
    /// <summary>SysRift:PageCache:Enabled=false serves every page rendered (to measure rendering; never needed in production).</summary>
    public bool Enabled { get; set; } = true;

    public HashSet<string> QueryParameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Longer values are not a page anyone links to: they are dropped.</summary>
    public int MaxQueryValueLength { get; set; } = 200;

    public int MaxEntries { get; set; } = 5_000;

    /// <summary>Bytes of all kept forms together (raw, gzip, Brotli).</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}
