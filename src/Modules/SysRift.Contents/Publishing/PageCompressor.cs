using System.IO.Compression;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SysRift.Contents.Publishing;

/// <summary>
/// Makes the gzip and Brotli forms of cached pages off the request path, one page at a time, so that a burst
/// of misses after a publish costs visitors a render each and no compression. A page waits in a bounded
/// queue; when the queue is full the page stays uncompressed until its next render (a visitor never waits).
/// </summary>
public sealed class PageCompressor : IDisposable
{
    private readonly Channel<(PageEntry Entry, Action<PageEntry> Done)> _queue =
        Channel.CreateBounded<(PageEntry, Action<PageEntry>)>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ILogger<PageCompressor> _logger;
    private readonly Task _worker;

    public PageCompressor(ILogger<PageCompressor> logger)
    {
        _logger = logger;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Compresses <paramref name="entry"/> soon; <paramref name="done"/> is called once its forms are set.</summary>
    public void Enqueue(PageEntry entry, Action<PageEntry> done) => _queue.Writer.TryWrite((entry, done));

    /// <summary>Both forms at the optimal level.</summary>
    private static PageEntry.CompressedForms Compress(byte[] raw) =>
        new(Compress(raw, s => new GZipStream(s, CompressionLevel.Optimal)), Compress(raw, s => new BrotliStream(s, CompressionLevel.Optimal)));

    private async Task RunAsync()
    {
        await foreach (var (entry, done) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                entry.Compressed = Compress(entry.Raw);
                done(entry);
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Could not compress a cached page; it is served uncompressed");
            }
        }
    }

    private static byte[] Compress(byte[] raw, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output)) compressor.Write(raw);
        return output.ToArray();
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker.Wait(TimeSpan.FromSeconds(5));
    }
}
