using Microsoft.AspNetCore.Mvc;
using SysRift.Core.Site;

namespace SysRift.Web.Controllers;

/// <summary>The themed error page: a status and a sentence, never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(SiteSettingsService siteSettings, ILogger<ErrorController> logger) : Controller
{
    [Route("/error")]
    public async Task<IActionResult> Index(int? status, CancellationToken cancellationToken)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        SiteSettings site;
        try
        {
            site = await siteSettings.GetAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The error page must render even when the database is what failed.
            logger.LogWarning("Error page rendered without site settings: {Message}", exception.Message);
            site = new SiteSettings();
        }

        var result = View(code == StatusCodes.Status404NotFound ? "NotFound" : "Error", site);
        result.StatusCode = code;
        return result;
    }
}
