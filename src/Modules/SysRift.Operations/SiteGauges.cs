using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;
using SysRift.Core.Site;

namespace SysRift.Operations;

/// <summary>
/// Gauges read from the database: content items by type and state, pending schedules, whether the site is set up.
/// A collector reads them at its own pace; the counts are refreshed at most every 10 s, off the collector's
/// thread, so a scrape never waits on the database and a burst of scrapes is one query.
/// </summary>
public sealed class SiteGauges(SiteMetrics metrics, SiteShell shell, IServiceScopeFactory scopes) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private volatile Snapshot _snapshot = new([], 0, false);

    private sealed record Snapshot(IReadOnlyList<(string Type, string Status, int Count)> Items, int PendingSchedules, bool DatabaseUp);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Gauge("sysrift.content.items", "{item}", "Content items by type and lifecycle state.",
            () => _snapshot.Items.Select(i => new Measurement<long>(i.Count, new("type", i.Type), new("status", i.Status))));
        metrics.Gauge("sysrift.schedules.pending", "{item}", "Items waiting for their scheduled publishing time.", () => [new Measurement<long>(_snapshot.PendingSchedules)]);
        metrics.Gauge("sysrift.setup.complete", "1", "1 when the site is set up.", () => [new Measurement<long>(shell.IsRunning ? 1 : 0)]);
        metrics.Gauge("sysrift.database.up", "1", "1 when the database answered the last count.", () => [new Measurement<long>(_snapshot.DatabaseUp ? 1 : 0)]);

        using var timer = new PeriodicTimer(Every);
        do
        {
            if (shell.IsRunning) _snapshot = await ReadAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Reads the counts now (tests call it rather than wait for the timer).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default) => _snapshot = await ReadAsync(cancellationToken);

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SysRiftDbContext>();
            var counts = await db.ContentItems.GroupBy(i => new { i.ContentType, i.Status }).Select(g => new { g.Key.ContentType, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
            var pending = await db.ScheduledPublications.CountAsync(cancellationToken);
            return new Snapshot(counts.Select(c => (c.ContentType, c.Status.ToString(), c.Count)).ToList(), pending, true);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return _snapshot with { DatabaseUp = false };
        }
    }
}
