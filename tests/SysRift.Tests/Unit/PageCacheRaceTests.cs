using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SysRift.Contents.Publishing;
using SysRift.Core.Diagnostics;
using SysRift.Core.Signals;

namespace SysRift.Tests.Unit;

/// <summary>
/// The page cache against a commit that lands while a page is rendering, interleaved on purpose: the
/// render that read the old data is blocked until the commit has been signalled.
/// </summary>
public sealed class PageCacheRaceTests
{
    private sealed class Site
    {
        public string Content = "v1";
        public int Renders;
        public TaskCompletionSource? Gate;
        public TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RenderAsync(HttpContext context)
        {
            Interlocked.Increment(ref Renders);
            var content = Content + " " + context.Request.QueryString.Value; // read "from the database" first
            if (Gate is { } gate)
            {
                Gate = null;
                Started.TrySetResult();
                await gate.Task;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(content));
        }
    }

    private static readonly System.Diagnostics.Metrics.IMeterFactory Meters =
        new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    private static readonly PageCompressor Compressor = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<PageCompressor>.Instance);

    private static (PublicPageCache Cache, ChangeSignal Signal, Site Site) Create(params string[] parameters)
    {
        var site = new Site();
        var signal = new ChangeSignal();
        var options = new PageCacheOptions();
        options.QueryParameters.UnionWith(parameters);
        return (new PublicPageCache(site.RenderAsync, signal, new SiteMetrics(Meters), Options.Create(options), Compressor), signal, site);
    }

    private static async Task<string> GetAsync(PublicPageCache cache, string path, string query = "", MemoryStream? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        body ??= new MemoryStream();
        context.Response.Body = body;
        await cache.InvokeAsync(context);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    /// <summary>A visitor on a slow connection: sending the page waits until the test lets it go on.</summary>
    private sealed class SlowClient : MemoryStream
    {
        public TaskCompletionSource Sending { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Sending.TrySetResult();
            await Go.Task;
            await base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [Fact]
    public async Task A_render_that_started_before_a_commit_is_never_served_after_it()
    {
        var (cache, signal, site) = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Gate = gate;

        var early = Task.Run(() => GetAsync(cache, "/"));
        await site.Started.Task;            // the early render has read "v1" and is still running
        site.Content = "v2";                // an editor publishes...
        signal.Bump(ChangeTopics.Content);  // ...and the commit is signalled before the editor's request returns (the render read nothing it named: it depends on anything)

        var afterCommit = Task.Run(() => GetAsync(cache, "/"));
        await Task.Delay(50);
        gate.SetResult();

        Assert.Equal("v1 ", await early);          // the early visitor gets what it read
        Assert.Equal("v2 ", await afterCommit);    // a visitor after the commit never joins that render
        Assert.Equal("v2 ", await GetAsync(cache, "/")); // and nothing from before the commit was kept
    }

    [Fact]
    public async Task Only_the_query_parameters_pages_read_make_a_new_page()
    {
        var (cache, _, site) = Create("tag", "page");
        for (var i = 0; i < 200; i++) Assert.Equal("v1 ", await GetAsync(cache, "/articles", $"?v={i}&utm_source=x{i}"));
        Assert.Equal(1, site.Renders);

        Assert.Equal("v1 ?tag=queues", await GetAsync(cache, "/articles", "?tag=queues&v=1"));
        Assert.Equal("v1 ?page=2&tag=queues", await GetAsync(cache, "/articles", "?tag=queues&page=2&x=y"));
        Assert.Equal("v1 ?page=2&tag=queues", await GetAsync(cache, "/articles", "?page=2&TAG=queues"));
        Assert.Equal(3, site.Renders);
        Assert.Equal(3, cache.Size.Entries);
    }

    [Fact]
    public void The_cache_is_bounded_by_bytes_oldest_out_first()
    {
        var cache = new DependencyCache<string>(new ChangeSignal(), maxEntries: 1_000, maxBytes: 10_000);
        for (var i = 0; i < 100; i++) Assert.True(cache.TryAdd("key" + i, "value", 1_000, [], readAt: 0));
        Assert.True(cache.Bytes <= 10_000);
        Assert.Equal(10, cache.Count);
        Assert.True(cache.TryGet("key99", out _, out _));
        Assert.False(cache.TryGet("key0", out _, out _));
    }

    [Fact]
    public void A_change_retires_only_what_depends_on_it()
    {
        var signal = new ChangeSignal();
        var cache = new DependencyCache<string>(signal, maxEntries: 1_000, maxBytes: 1_000_000);
        cache.TryAdd("/about", "about", 1, [ChangeTopics.Item("about")], signal.Sequence);
        cache.TryAdd("/", "home", 1, [ChangeTopics.Type("Principle"), ChangeTopics.Item("home")], signal.Sequence);
        cache.TryAdd("/sitemap.xml", "sitemap", 1, [ChangeTopics.Items], signal.Sequence);
        cache.TryAdd("/untracked", "?", 1, [ChangeTopics.Anything], signal.Sequence);

        signal.Bump(ChangeTopics.OfItem("p1", "Principle"));
        Assert.True(cache.TryGet("/about", out _, out _));
        Assert.False(cache.TryGet("/", out _, out _));
        Assert.False(cache.TryGet("/sitemap.xml", out _, out _));
        Assert.False(cache.TryGet("/untracked", out _, out _));

        // A render that read before that change is refused if it depends on it, kept if it does not.
        Assert.False(cache.TryAdd("/", "home", 1, [ChangeTopics.Type("Principle")], readAt: 0));
        Assert.True(cache.TryAdd("/articles", "list", 1, [ChangeTopics.Type("Article")], readAt: 0));

        signal.Bump(ChangeTopics.Site);
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryAdd("/about", "about", 1, [ChangeTopics.Item("about")], readAt: 1));
    }

    [Fact]
    public void A_reader_gets_the_new_sequence_only_once_every_cache_has_retired_what_changed()
    {
        // Two caches, as on a site (content answers, then pages). A render that reads the new sequence while the
        // second cache has not yet retired an answer would take that answer and be kept as current.
        var signal = new ChangeSignal();
        var answers = new DependencyCache<string>(signal, 100, 1_000);
        answers.TryAdd("all:Principle", "v1", 1, [ChangeTopics.Type("Principle")], signal.Sequence);
        var before = signal.Sequence;
        long seenDuringEviction = -1;
        var staleVisibleWithNewSequence = false;
        signal.Changed += topics =>
        {
            seenDuringEviction = signal.Sequence;
            staleVisibleWithNewSequence |= signal.Sequence > before && answers.TryGet("all:Principle", out _, out _);
        };

        signal.Bump(ChangeTopics.OfItem("p1", "Principle"));

        Assert.Equal(before, seenDuringEviction);
        Assert.False(staleVisibleWithNewSequence);
        Assert.Equal(before + 1, signal.Sequence);
        Assert.False(answers.TryGet("all:Principle", out _, out _));
    }

    [Fact]
    public async Task A_visitor_after_a_commit_never_gets_a_render_the_commit_retired_while_it_is_still_being_sent()
    {
        var (cache, signal, site) = Create();
        var slow = new SlowClient();
        var first = Task.Run(() => GetAsync(cache, "/", body: slow));
        await slow.Sending.Task;            // "v1" was rendered and kept, and is on its way to a slow visitor
        site.Content = "v2";
        signal.Bump(ChangeTopics.Content);  // an editor's commit retires it and returns

        var afterCommit = GetAsync(cache, "/");
        var answered = await Task.WhenAny(afterCommit, Task.Delay(TimeSpan.FromSeconds(5)));
        slow.Go.SetResult();
        Assert.Same(afterCommit, answered); // it did not wait for the slow visitor's render...
        Assert.Equal("v2 ", await afterCommit); // ...and did not get it
        Assert.Equal("v1 ", await first);
    }
}
