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
    ContentViewSelector views,
    TermPages terms) : Controller
{
    [HttpGet, HttpHead, Core.Diagnostics.RouteLabel("{**path}")]
    public async Task<IActionResult> Display()
    {
        // Read from the route rather than bound as parameters: MVC's model binding (value providers, binders)
        // was a twentieth of every uncached page's CPU for one route value.
        var path = RouteData.Values["path"] as string;
        var cancellationToken = HttpContext.RequestAborted;
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
        if (item is null && normalized.Length > 0 && await terms.FindAsync(normalized, cancellationToken) is { } term)
            return await TermPageAsync(term, site, cancellationToken);
        if (item is null) return NotFoundPage(site);

        var type = (await definitions.GetAsync(cancellationToken)).Type(item.ContentType);
        var model = new ContentDisplayModel(item, type, "Detail", site, IsHome: normalized.Length == 0 || site.HomeContentItemId == item.ContentItemId);
        return View(views.Select(ControllerContext, item.ContentType, "Detail"), model);
    }

    /// <summary>A taxonomy term: the term itself (by its type's views) and, below, the items it tags, newest first and paged.</summary>
    private async Task<IActionResult> TermPageAsync(TermPages.TermLink term, SiteSettings site, CancellationToken cancellationToken)
    {
        var page = int.TryParse(Request.Query["page"], out var p) && p > 0 ? p : 1;
        var items = await published.TaggedAsync(term.TermId, page, site.PageSize, cancellationToken);
        if (page > items.PageCount) return NotFoundPage(site);
        var termItem = ContentItem.FromJson(term.Term);
        var type = (await definitions.GetAsync(cancellationToken)).Type(termItem.ContentType);
        return View("Term", new TermPageModel(new ContentDisplayModel(termItem, type, "Detail", site, IsHome: false), term, items));
    }

    private ViewResult NotFoundPage(SiteSettings site)
    {
        var result = View("NotFound", site);
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }
}
