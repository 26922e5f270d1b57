using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;
using SysRift.Core.Site;

namespace SysRift.Operations;

/// <summary>
/// /metrics in Prometheus text format: counters, the latency histogram, content counts and uptime. Not for
/// the public: it answers a request from this machine (a scraper beside the site, not a visitor forwarded
/// by the local proxy, whose address the forwarded headers restore), or one that carries
/// "Authorization: Bearer {SysRift:Metrics:Token}" when that is configured. Everyone else gets a 404.
/// </summary>
public static class MetricsEndpoint
{
    private static readonly DateTime Started = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public const string TokenKey = "SysRift:Metrics:Token";

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/metrics", async (HttpContext context, SiteMetrics metrics, SiteShell shell, SysRiftDbContext db, IConfiguration configuration) =>
    {
        if (!MayScrape(context, configuration[TokenKey]))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var gauges = new List<(string, string, double, string)>
        {
            ("sysrift_uptime_seconds", "", Math.Round((DateTime.UtcNow - Started).TotalSeconds), "Seconds since this process started."),
            ("sysrift_setup_complete", "", shell.IsRunning ? 1 : 0, "1 when the site is set up."),
        };
        if (shell.IsRunning)
        {
            try
            {
                var counts = await db.ContentItems.GroupBy(i => new { i.ContentType, i.Status }).Select(g => new { g.Key.ContentType, g.Key.Status, Count = g.Count() }).ToListAsync(context.RequestAborted);
                gauges.AddRange(counts.Select(c => ("sysrift_content_items", $"type=\"{SiteMetrics.Escape(c.ContentType)}\",status=\"{c.Status}\"", (double)c.Count, "Content items by type and lifecycle state.")));
                gauges.Add(("sysrift_database_up", "", 1, "1 when the database answered this scrape."));
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                gauges.Add(("sysrift_database_up", "", 0, "1 when the database answered this scrape."));
            }
        }

        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await context.Response.WriteAsync(metrics.Render(gauges), context.RequestAborted);
    });

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (token is { Length: > 0 } && context.Request.Headers.Authorization.ToString() is { Length: > 7 } header
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(header[7..].Trim()), System.Text.Encoding.UTF8.GetBytes(token)))
            return true;
        // Fail closed: a request without a remote address (an in-process test server) is not "this machine".
        return context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);
    }
}
