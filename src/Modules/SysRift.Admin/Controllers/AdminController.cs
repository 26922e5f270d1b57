using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.Services;
using SysRift.Admin.ViewModels;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

[Route("admin"), Authorize(Roles = SiteRoles.Administrator)]
public sealed class AdminController(SysRiftDbContext db, SystemStatus status) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = await db.ContentItems.GroupBy(i => new { i.ContentType, i.Status })
            .Select(g => new { g.Key.ContentType, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var recent = await db.ContentVersions.OrderByDescending(v => v.ModifiedUtc).ThenByDescending(v => v.Id).Take(12)
            .Select(v => new DashboardViewModel.Change(v.ContentItemId, v.DisplayText, v.ContentType, v.Author, v.ModifiedUtc, v.Published, v.Latest)).ToListAsync(cancellationToken);
        var waiting = await db.ContentItems.Where(i => i.Status == ContentStatus.Draft || i.Status == ContentStatus.PublishedWithDraft).CountAsync(cancellationToken);
        return View(new DashboardViewModel(
            counts.GroupBy(c => c.ContentType).OrderBy(g => g.Key)
                .Select(g => new DashboardViewModel.TypeCount(g.Key, g.Sum(c => c.Count), g.Where(c => c.Status is ContentStatus.Draft or ContentStatus.PublishedWithDraft).Sum(c => c.Count)))
                .ToList(),
            waiting, recent));
    }

    [HttpGet("system")]
    public async Task<IActionResult> System(CancellationToken cancellationToken) => View(await status.ReadAsync(cancellationToken));
}
