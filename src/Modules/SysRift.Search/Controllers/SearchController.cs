using Microsoft.AspNetCore.Mvc;
using SysRift.Core.Site;
using SysRift.Search.Services;

namespace SysRift.Search.Controllers;

public sealed class SearchController(SearchService search, SiteSettingsService siteSettings) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        // The whole site: articles, pages and any other type with a public path (the index holds only those).
        var hits = await search.SearchAsync(q, "", 20, cancellationToken);
        ViewData["Site"] = await siteSettings.GetAsync(cancellationToken);
        return View("Search", new SearchViewModel(q ?? "", hits));
    }
}

public sealed record SearchViewModel(string Query, IReadOnlyList<SearchHit> Hits);
