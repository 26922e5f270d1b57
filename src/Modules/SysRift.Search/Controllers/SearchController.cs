using Microsoft.AspNetCore.Mvc;
using SysRift.Core.Site;
using SysRift.Search.Services;

namespace SysRift.Search.Controllers;

public sealed class SearchController(SearchService search, SiteSettingsService siteSettings) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var hits = await search.SearchAsync(q, "Article", 20, cancellationToken);
        ViewData["Site"] = await siteSettings.GetAsync(cancellationToken);
        return View("Search", new SearchViewModel(q ?? "", hits));
    }
}

public sealed record SearchViewModel(string Query, IReadOnlyList<SearchHit> Hits);
