using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SysRift.Contents.Items;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

public sealed class PageCacheTests
{
    [Fact]
    public async Task Pages_carry_an_etag_answer_304_compress_and_change_the_moment_an_editor_publishes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();

        var first = await client.GetAsync("/");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(etag, (await client.GetAsync("/")).Headers.ETag);

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // The compressed forms are made off the request path: a miss is sent as rendered, and Brotli follows.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage brotli;
        while (true)
        {
            var compressed = new HttpRequestMessage(HttpMethod.Get, "/");
            compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            brotli = await client.SendAsync(compressed);
            if (brotli.Content.Headers.ContentEncoding.Contains("br")) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "no Brotli form 5 s after the page was cached");
            await Task.Delay(10);
        }

        Assert.Equal(etag, brotli.Headers.ETag);

        // A coding named with quality 0 is refused: this client gets gzip, not the Brotli form.
        var refusing = new HttpRequestMessage(HttpMethod.Get, "/");
        refusing.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br;q=0");
        var gzip = await client.SendAsync(refusing);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        await using (var decoded = new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var reader = new StreamReader(decoded))
            Assert.Contains("I build systems to understand them.", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        await using (var decoded = new BrotliStream(await brotli.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var reader = new StreamReader(decoded))
            Assert.Contains("I build systems to understand them.", await reader.ReadToEndAsync(), StringComparison.Ordinal);

        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var home = (await manager.GetAsync("homepage"))!;
            home.GetOrCreatePart("HomePage")["Headline"] = new JsonObject { ["Text"] = "A new headline." };
            Assert.True((await manager.SaveAsync(home, publish: true, null, "editor")).Succeeded);
        });

        var stale = new HttpRequestMessage(HttpMethod.Get, "/");
        stale.Headers.IfNoneMatch.Add(etag);
        var fresh = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.Contains("A new headline.", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
    [Fact]
    public async Task A_miss_is_sent_uncompressed_and_what_the_cache_does_not_keep_is_still_compressed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();

        // Nothing is compressed on a visitor's request path: the first request renders the page and sends it as rendered.
        var miss = await client.SendAsync(Accepting("/about", "br, gzip"));
        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Empty(miss.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await miss.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The response compression further in still compresses what the cache does not keep: a theme asset.
        var asset = await client.SendAsync(Accepting("/_content/SysRift.Theme/css/site.css", "br, gzip"));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(["br"], asset.Content.Headers.ContentEncoding);
        await using var decoded = new BrotliStream(await asset.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        Assert.Contains("{", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Accepting(string path, string encodings)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encodings);
        return request;
    }
}
