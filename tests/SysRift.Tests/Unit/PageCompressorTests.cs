using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SysRift.Contents.Publishing;

namespace SysRift.Tests.Unit;

public sealed class PageCompressorTests
{
    [Fact]
    public async Task A_kept_page_gets_both_forms_and_a_page_retired_before_its_turn_is_not_compressed()
    {
        using var compressor = new PageCompressor(NullLogger<PageCompressor>.Instance);
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"<li>principle {i % 17}</li>")));
        var retired = new PageEntry("text/html", html);
        var kept = new PageEntry("text/html", html);
        var done = new TaskCompletionSource<PageEntry>(TaskCreationOptions.RunContinuationsAsynchronously);

        // One worker, in order: once the second page is done, the first has had its turn.
        compressor.Enqueue(retired, isKept: () => false, done: _ => Assert.Fail("a retired page was compressed"));
        compressor.Enqueue(kept, isKept: () => true, done: done.SetResult);
        Assert.Same(kept, await done.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Null(retired.Compressed);
        Assert.Equal((1, 1), compressor.Counts);
        var forms = kept.Compressed!;
        Assert.Equal(html, Decode(new GZipStream(new MemoryStream(forms.Gzip), CompressionMode.Decompress)));
        Assert.Equal(html, Decode(new BrotliStream(new MemoryStream(forms.Brotli), CompressionMode.Decompress)));
        Assert.True(forms.Brotli.Length < html.Length / 4, $"Brotli form of {forms.Brotli.Length} bytes for {html.Length}");
        Assert.Equal(html.Length + forms.Gzip.Length + forms.Brotli.Length, kept.Bytes);
    }

    private static byte[] Decode(Stream decompressing)
    {
        using var output = new MemoryStream();
        using (decompressing) decompressing.CopyTo(output);
        return output.ToArray();
    }
}
