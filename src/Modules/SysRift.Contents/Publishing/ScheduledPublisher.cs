using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Core.Data;
using SysRift.Core.Site;

using SysRift.Core.Diagnostics;

namespace SysRift.Contents.Publishing;

/// <summary>
/// Publishes items whose scheduled time has come: the version that was scheduled, even when a newer draft exists. Every node runs it;
/// the revision check makes sure only one of them publishes each item, the others see a conflict and move on.
/// Interval: SysRift:Scheduler:IntervalSeconds (default 30).
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, SiteShell shell, IConfiguration configuration, SiteMetrics metrics, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("SysRift:Scheduler:IntervalSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                if (shell.IsRunning) await PublishDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or DbUpdateException or TimeoutException)
            {
                logger.LogWarning("Scheduled publishing could not run ({Message}); it tries again in {Interval}", exception.Message, interval);
            }
        }
    }

    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SysRiftDbContext>();
        var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var now = DateTime.UtcNow;
        var due = await db.ScheduledPublications.Where(s => s.PublishAtUtc <= now).OrderBy(s => s.PublishAtUtc).Take(100).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var schedule in due)
        {
            var record = await contents.GetRecordAsync(schedule.ContentItemId, cancellationToken);
            var pinned = await db.ContentVersions.Where(v => v.ContentItemId == schedule.ContentItemId && v.ContentItemVersionId == schedule.ContentItemVersionId)
                .Select(v => new { v.Latest, v.Published }).FirstOrDefaultAsync(cancellationToken);
            if (record is null || record.Status is ContentStatus.Deleted || pinned is null || pinned.Published)
            {
                // Nothing left to publish (published by hand, deleted, or the version is gone): the schedule is spent.
                await db.ScheduledPublications.Where(s => s.ContentItemId == schedule.ContentItemId).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            // The scheduled version goes live, not whatever was saved after it: a newer draft stays a draft.
            var action = pinned.Latest ? ContentAction.Publish : ContentAction.PublishEarlierVersion;
            var result = await contents.TransitionAsync(schedule.ContentItemId, action, record.Revision, $"{schedule.RequestedBy} (scheduled)", cancellationToken, schedule.ContentItemVersionId);
            if (result.Succeeded)
            {
                published++;
                metrics.ScheduledPublished();
                logger.LogInformation("Published {ContentItemId} as scheduled by {User} for {PublishAtUtc:u}", schedule.ContentItemId, schedule.RequestedBy, schedule.PublishAtUtc);
            }
            else if (!result.Conflict)
            {
                logger.LogWarning("Scheduled publishing of {ContentItemId} refused: {Reason}; the schedule is dropped", schedule.ContentItemId, string.Join(" ", result.Errors.Select(e => e.Message)));
                await db.ScheduledPublications.Where(s => s.ContentItemId == schedule.ContentItemId).ExecuteDeleteAsync(cancellationToken);
            }
        }

        return published;
    }
}
