using System.Net;
using Npgsql;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// The database goes away under a running site (a TCP proxy in front of the real PostgreSQL is cut) and
/// comes back: pages already in memory keep being served, others answer a themed 503 with Retry-After,
/// readiness says so, and the site recovers by itself.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Theory]
    [PostgresData]
    public async Task Pages_in_memory_keep_serving_others_answer_503_and_the_site_recovers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(target.Port);
        proxy.Start();
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = proxy.Port, Timeout = 3, CommandTimeout = 5 }.ConnectionString;
        await using var site = new SiteFactory(database, recipe: "sysrift", settings: new Dictionary<string, string?> { ["SysRift:Database:ConnectionString"] = proxied });
        var visitor = site.Browser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        var home = await visitor.GetStringAsync("/");

        proxy.Stop();
        var cached = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(home, await cached.Content.ReadAsStringAsync());

        var uncached = await visitor.GetAsync("/articles/why-distributed-systems-fail");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
        Assert.Equal("10", uncached.Headers.RetryAfter!.ToString());
        var page = await SiteFactory.ParseAsync(uncached);
        Assert.Equal("Temporarily unavailable", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".site-header"));
        var body = page.Body!.TextContent;
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body.Replace("at the", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var ready = await visitor.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("unreachable", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/health/live")).StatusCode);

        proxy.Start();
        var recovered = false;
        for (var attempt = 0; attempt < 40 && !recovered; attempt++)
        {
            recovered = (await visitor.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK
                        && (await visitor.GetAsync("/articles/why-distributed-systems-fail")).StatusCode == HttpStatusCode.OK;
            if (!recovered) await Task.Delay(500);
        }

        Assert.True(recovered, "The site did not recover within 20 s of the database coming back.");
    }
}
