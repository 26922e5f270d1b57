using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SysRift.Contents.Definitions;
using SysRift.Contents.Display;
using SysRift.Contents.Items;
using SysRift.Contents.Parts;
using SysRift.Contents.Publishing;
using SysRift.Core.Site;

namespace SysRift.Contents.Controllers;

/// <summary>Serves published items at their AutoroutePart path, and the home item at "/".</summary>
public sealed class ContentItemController(
    PublishedContent published,
    SiteSettingsService siteSettings,
    ContentDefinitionService definitions,
    ContentViewSelector views) : Controller
{
    [HttpGet, HttpHead]
    public async Task<IActionResult> Display(string? path, CancellationToken cancellationToken)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        var normalized = AutoroutePart.Normalize(path ?? "");
        ContentItem? item = null;
        if (normalized.Length == 0)
        {
            if (site.HomeContentItemId is { } homeId) item = await published.ByIdAsync(homeId, cancellationToken);
        }
        else if (AutoroutePart.Problem(normalized) is null)
        {
            item = await published.ByPathAsync(normalized, cancellationToken);
        }

        // A site without a home item (set up empty, or before one is chosen) greets at "/" instead of a 404.
        if (item is null && normalized.Length == 0) return View("Welcome", site);
        if (item is null) return NotFoundPage(site);

        var type = (await definitions.GetAsync(cancellationToken)).Type(item.ContentType);
        var model = new ContentDisplayModel(item, type, "Detail", site, IsHome: normalized.Length == 0 || site.HomeContentItemId == item.ContentItemId);
        return View(views.Select(ControllerContext, item.ContentType, "Detail"), model);
    }

    private ViewResult NotFoundPage(SiteSettings site)
    {
        var result = View("NotFound", site);
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }
}
