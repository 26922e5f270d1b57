using System.Net;
using System.Text.RegularExpressions;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

public sealed partial class OperationsTests
{
    [Fact]
    public async Task Metrics_are_prometheus_text_with_requests_latency_cache_content_and_imports()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();
        await client.GetAsync("/");
        await client.GetAsync("/");
        await client.GetAsync("/articles/why-distributed-systems-fail");
        await client.GetAsync("/no/such/page");

        // Not for visitors: without the scrape token (and not from this machine) it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrongToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrongToken)).StatusCode);

        var import = await site.InScopeAsync(s => s.GetRequiredService<SysRift.Recipes.Execution.RecipeExecutor>().ImportAsync("""{ "name": "nothing", "steps": [] }""", new()));
        Assert.True(import.Applied);
        await site.Services.GetRequiredService<SysRift.Operations.SiteGauges>().RefreshAsync();
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SiteFactory.MetricsToken);
        var response = await client.SendAsync(scrape);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        // Every sample line is "name{labels} value", under OpenTelemetry's standard names.
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
            Assert.Matches(Sample(), line);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_response_status_code=""200""[^}]*http_route=""\{\*\*path\}""[^}]*\} [1-9]", text);
        Assert.Matches(@"http_server_request_duration_seconds_bucket\{[^}]*http_route=""\(page cache\)""[^}]*le=""\+Inf""[^}]*\} [1-9]", text);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_response_status_code=""404""", text);
        Assert.Matches(@"microsoft_entityframeworkcore_queries_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"dotnet_gc_collections_total", text);
        Assert.Matches(@"sysrift_page_cache_lookups_total\{[^}]*result=""hit""[^}]*\} [1-9]", text);
        Assert.Matches(@"sysrift_content_items\{[^}]*status=""Published""[^}]*type=""Article""[^}]*\} 9", text);
        Assert.Matches(@"sysrift_recipe_runs_total\{[^}]*result=""applied""[^}]*\} [1-9]", text);
        Assert.Matches(@"sysrift_setup_complete(\{[^}]*\})? 1", text);
        // The per-site totals (the admin's System page) count this site only.
        var metrics = site.Services.GetRequiredService<SysRift.Core.Diagnostics.SiteMetrics>();
        Assert.True(metrics.PageCacheHits >= 1 && metrics.RecipesApplied == 2, $"{metrics.PageCacheHits} hits, {metrics.RecipesApplied} recipes");
        Assert.DoesNotContain("Data Source", text, StringComparison.Ordinal);
        Assert.DoesNotContain(database.DataPath, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_system_page_says_where_the_memory_is_and_which_collector_runs()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);

        var memory = (await admin.PageAsync("/admin/system")).QuerySelector("#memory")!.TextContent;

        // The working set, then the managed heap inside it, then the collector this process runs with.
        Assert.Matches(@"^[1-9][\d,]* MB \(managed heap [1-9][\d,]* MB, [1-9][\d,]* MB committed; ", memory);
        Assert.Contains(System.Runtime.GCSettings.IsServerGC ? "server collector" : "workstation collector", memory, StringComparison.Ordinal);
        Assert.Contains("gen0 budget", memory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_and_takes_a_well_formed_one_from_the_caller()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var client = site.Browser();

        var own = await client.GetAsync("/health/live");
        Assert.False(string.IsNullOrEmpty(own.Headers.GetValues("X-Request-Id").Single()));

        var given = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        given.Headers.Add("X-Request-Id", "trace-42.a");
        Assert.Equal("trace-42.a", (await client.SendAsync(given)).Headers.GetValues("X-Request-Id").Single());

        var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "<script>");
        Assert.NotEqual("<script>", (await client.SendAsync(hostile)).Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Readiness_reports_setup_and_a_missing_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var fresh = new SiteFactory(database, recipe: null))
        {
            var notSetUp = await fresh.Browser().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notSetUp.StatusCode);
            Assert.Contains("not set up", await notSetUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await fresh.Browser().GetAsync("/health/live")).StatusCode);
        }
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*"",?)+\})? (-?[0-9.eE+-]+|\+Inf|-Inf|NaN)( -?[0-9]+)?$")]
    private static partial Regex Sample();
}
