using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;
using SysRift.Core.Site;

namespace SysRift.Operations;

/// <summary>/metrics in Prometheus text format: counters, the latency histogram, content counts and uptime. Nothing secret.</summary>
public static class MetricsEndpoint
{
    private static readonly DateTime Started = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/metrics", async (HttpContext context, SiteMetrics metrics, SiteShell shell, SysRiftDbContext db) =>
    {
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
}
