using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;

namespace SysRift.Tests.Integration;

/// <summary>
/// The page cache retires only the pages that read what a commit changed (issue 14, part 1), on this node at
/// once and on other nodes through the notification channel, and never serves a page older than a commit
/// that has returned, while visitors and an editor run in parallel.
/// </summary>
public sealed partial class PageDependencyTests
{
    private const string Principle = "principle01";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Publishing_a_principle_retires_the_home_page_and_keeps_pages_that_do_not_show_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();
        await ListeningAsync(site);
        var article = "/" + (await site.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("article01")))!.Path;
        string[] untouched = [article, "/about", "/articles"];
        foreach (var path in untouched.Append("/")) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        Assert.True((await site.EditAsync(Principle, item => item.GetOrCreatePart("TitlePart")["Title"] = "Principle, retitled")).Succeeded);

        var metrics = site.Services.GetRequiredService<SiteMetrics>();
        foreach (var path in untouched)
        {
            var hits = metrics.PageCacheHits;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            Assert.True(metrics.PageCacheHits == hits + 1, $"{path} was rendered again after a principle was published, though it does not show principles");
        }

        var misses = metrics.PageCacheMisses;
        Assert.Contains("Principle, retitled", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(misses + 1, metrics.PageCacheMisses);

        // A draft is not what visitors see: saving one retires nothing, not even the page that shows the item.
        Assert.True((await site.EditAsync(Principle, item => item.GetOrCreatePart("TitlePart")["Title"] = "A draft title", publish: false)).Succeeded);
        var hitsBefore = metrics.PageCacheHits;
        var home = await client.GetStringAsync("/");
        Assert.Equal(hitsBefore + 1, metrics.PageCacheHits);
        Assert.Contains("Principle, retitled", home, StringComparison.Ordinal);
        Assert.DoesNotContain("A draft title", home, StringComparison.Ordinal);

        // Settings shape every page: a settings change retires them all.
        await site.InScopeAsync(async s =>
        {
            var documents = s.GetRequiredService<SysRift.Core.Documents.DocumentStore>();
            var current = (await documents.GetAsync<SysRift.Core.Site.SiteSettings>(SysRift.Core.Site.SiteSettings.DocumentName))!;
            current.SiteName = "Renamed site";
            await documents.SaveAsync(SysRift.Core.Site.SiteSettings.DocumentName, current, SysRift.Core.Signals.ChangeTopics.Site);
        });
        foreach (var path in untouched) Assert.Contains("Renamed site", await client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task No_visitor_gets_a_page_older_than_a_publish_that_has_returned(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var article = "/" + (await site.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("article01")))!.Path;
        string[] paths = ["/", "/", article, "/about"];
        var returned = 0; // the newest version whose publish has returned
        var stop = new CancellationTokenSource();
        var checkedPages = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // Six visitors, each on its own connection pool, on the thread pool: real parallel requests.
        var visitors = Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
        {
            var client = site.Browser();
            for (var i = n; !stop.IsCancellationRequested; i++)
            {
                var path = paths[i % paths.Length];
                var atLeast = Volatile.Read(ref returned);
                var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{path} answered {(int)response.StatusCode} while the editor published");
                    continue;
                }

                if (path != "/") continue;
                var seen = Version().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                Interlocked.Increment(ref checkedPages);
                if (seen < atLeast) failures.Enqueue($"asked after version {atLeast} returned, got version {seen}");
            }
        })).ToList();

        // The editor publishes 40 versions of the principle's title, each visible on the home page.
        for (var version = 1; version <= 40; version++)
        {
            var title = $"Principle version {version}.";
            Assert.True((await site.EditAsync(Principle, item => item.GetOrCreatePart("TitlePart")["Title"] = title)).Succeeded);
            Volatile.Write(ref returned, version);
            await Task.Delay(15);
        }

        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(visitors);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        Assert.True(checkedPages > 100, $"only {checkedPages} home pages were checked");
        Assert.Contains("Principle version 40.", await site.Browser().GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory, PostgresData]
    public async Task Another_node_retires_only_the_pages_that_read_what_changed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "sysrift");
        Assert.Equal(HttpStatusCode.OK, (await first.Browser().GetAsync("/health/ready")).StatusCode);
        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        var client = second.Browser();
        var article = "/" + (await first.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("article01")))!.Path;
        await ListeningAsync(second);
        foreach (var path in new[] { "/", article, "/about" }) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        Assert.True((await first.EditAsync(Principle, item => item.GetOrCreatePart("TitlePart")["Title"] = "Retitled on node one")).Succeeded);
        var clock = Stopwatch.StartNew();
        while (!(await client.GetStringAsync("/")).Contains("Retitled on node one", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "node two still serves the old home page after 2 s");
            await Task.Delay(20);
        }

        var metrics = second.Services.GetRequiredService<SiteMetrics>();
        foreach (var path in new[] { article, "/about" })
        {
            var hits = metrics.PageCacheHits;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            Assert.True(metrics.PageCacheHits == hits + 1, $"node two rendered {path} again after a principle was published on node one");
        }
    }

    /// <summary>
    /// On PostgreSQL, waits until the node hears other nodes: when its listener connects it retires every page
    /// (changes may have been missed before), which must not be mistaken for a retirement by a publish.
    /// </summary>
    private static async Task ListeningAsync(SiteFactory site)
    {
        var listener = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SysRift.Core.Signals.PostgresChangeListener>().Single();
        var clock = Stopwatch.StartNew();
        while (site.Services.GetRequiredService<SysRift.Core.Site.SiteShell>().Database.Provider == DatabaseProvider.Postgres && !listener.Listening)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the change listener did not connect within 10 s");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"Principle version (\d+)\.")]
    private static partial Regex Version();
}
