using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.Security;
using SysRift.Admin.Services;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>The dashboard, the system page and the page shown when a permission is missing.</summary>
[Route("admin")]
public sealed class AdminController(SysRiftDbContext db, SystemStatus status, UserPermissions permissions, SysRift.Contents.Definitions.ContentDefinitionService definitions) : AdminControllerBase
{
    [HttpGet(""), RequirePermission(Permissions.AccessAdmin)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = await db.ContentItems.Where(i => i.Status != ContentStatus.Deleted).GroupBy(i => new { i.ContentType, i.Status })
            .Select(g => new { g.Key.ContentType, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var waiting = await (from item in db.ContentItems
                             join version in db.ContentVersions on item.ContentItemId equals version.ContentItemId
                             where version.Latest && (item.Status == ContentStatus.Draft || item.Status == ContentStatus.PublishedWithDraft)
                             orderby item.ModifiedUtc descending
                             select new DashboardViewModel.Draft(item.ContentItemId, version.DisplayText, item.ContentType, version.Author, item.ModifiedUtc, item.Status == ContentStatus.PublishedWithDraft))
            .Take(20).ToListAsync(cancellationToken);
        var waitingCount = counts.Where(c => c.Status is ContentStatus.Draft or ContentStatus.PublishedWithDraft).Sum(c => c.Count);
        var recent = await db.AuditEntries.Where(a => a.Category == AuditTrail.Categories.Content).OrderByDescending(a => a.Id).Take(12)
            .Select(a => new DashboardViewModel.Change(a.SubjectId ?? "", a.Subject ?? "", a.Action, a.User, a.Utc, a.Details)).ToListAsync(cancellationToken);
        var scheduled = await (from schedule in db.ScheduledPublications
                               join version in db.ContentVersions on schedule.ContentItemId equals version.ContentItemId
                               where version.Latest
                               orderby schedule.PublishAtUtc
                               select new DashboardViewModel.Scheduled(schedule.ContentItemId, version.DisplayText, schedule.PublishAtUtc, schedule.RequestedBy)).Take(20).ToListAsync(cancellationToken);
        // Editors read display names ("About page"), as in the lists; the technical name stays in the link.
        var document = await definitions.GetAsync(cancellationToken);
        waiting = waiting.Select(d => d with { ContentType = document.DisplayNameOf(d.ContentType) }).ToList();
        return View(new DashboardViewModel(
            counts.GroupBy(c => c.ContentType)
                .Select(g => new DashboardViewModel.TypeCount(g.Key, document.DisplayNameOf(g.Key), g.Sum(c => c.Count), g.Where(c => c.Status is ContentStatus.Draft or ContentStatus.PublishedWithDraft).Sum(c => c.Count)))
                .OrderBy(t => t.DisplayName, StringComparer.CurrentCultureIgnoreCase)
                .ToList(),
            waitingCount, waiting, recent, scheduled, await permissions.HasAsync(User, Permissions.ViewAuditTrail)));
    }

    [HttpGet("system"), RequirePermission(Permissions.ManageSettings)]
    public async Task<IActionResult> System(CancellationToken cancellationToken) => View(await status.ReadAsync(cancellationToken));

    /// <summary>Where a signed-in user lands when their roles lack a permission (403, with the way back).</summary>
    [HttpGet("denied"), Authorize]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
