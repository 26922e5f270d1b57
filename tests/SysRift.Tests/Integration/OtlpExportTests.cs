using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// With the standard OTEL_EXPORTER_OTLP_ENDPOINT set, traces and metrics leave over OTLP (here OTLP/HTTP to a
/// collector stand-in on loopback): requests carry their request id, database commands and recipe steps are spans.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_and_metrics_go_to_the_configured_otlp_endpoint()
    {
        var port = FreePort();
        var received = new ConcurrentDictionary<string, ConcurrentBag<byte[]>>();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.GetOrAdd(context.Request.Url!.AbsolutePath, _ => []).Add(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift", settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200", ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        var client = site.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/about");
        request.Headers.Add("X-Request-Id", "otlp-check-42");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var import = await site.InScopeAsync(s => s.GetRequiredService<SysRift.Recipes.Execution.RecipeExecutor>().ImportAsync(
            """{ "name": "traced", "steps": [ { "name": "Settings", "PageSize": 7 } ] }""", new()));
        Assert.True(import.Applied);
        var published = await site.InScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<SysRift.Contents.Items.ContentManager>();
            var item = (await contents.GetAsync("principle-make-state-visible", SysRift.Contents.Items.VersionOptions.Latest))
                ?? (await s.GetRequiredService<SysRift.Core.Data.SysRiftDbContext>().ContentItems.Select(i => i.ContentItemId).FirstAsync() is var id
                    ? await contents.GetAsync(id, SysRift.Contents.Items.VersionOptions.Latest) : null);
            return await contents.SaveAsync(item!, publish: true, expectedRevision: null, "tracer");
        });
        Assert.True(published.Succeeded);

        bool Has(string path, string text) => received.TryGetValue(path, out var bodies) && bodies.Any(b => Encoding.UTF8.GetString(b).Contains(text, StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(Has("/v1/traces", "otlp-check-42") && Has("/v1/traces", "recipe step Settings") && Has("/v1/traces", "content publish") && Has("/v1/metrics", "http.server.request.duration")))
            await Task.Delay(200);
        collector.Stop();
        await listening;

        Assert.True(Has("/v1/traces", "sysrift.request_id") && Has("/v1/traces", "otlp-check-42"), "no request span with its request id");
        Assert.True(Has("/v1/traces", "recipe step Settings"), "no span for the recipe step");
        Assert.True(Has("/v1/traces", "SELECT") || Has("/v1/traces", "sqlite"), "no database command span");
        Assert.True(Has("/v1/traces", "content publish"), "no span for publishing");
        Assert.True(Has("/v1/metrics", "http.server.request.duration"), "no request metrics");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
