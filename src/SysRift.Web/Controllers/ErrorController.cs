using Microsoft.AspNetCore.Mvc;
using SysRift.Core.Site;

namespace SysRift.Web.Controllers;

/// <summary>The themed error page: a status and a sentence, never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(SiteSettingsService siteSettings, ILogger<ErrorController> logger) : Controller
{
    // The status comes from the query only: re-executing a POST must never read (maybe oversized) form bodies.
    [Route("/error")]
    public async Task<IActionResult> Index([FromQuery] int? status, CancellationToken cancellationToken)
    {
        // Only error statuses: "/error?status=1000" (or 200) would otherwise write an invalid or misleading status line.
        var code = status switch
        {
            null => StatusCodes.Status500InternalServerError,
            >= 400 and <= 599 => status.Value,
            _ => StatusCodes.Status404NotFound,
        };
        // A body over a size limit (an upload, a form) is the client's doing: 413 with a sentence, not a 500.
        var error = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        if (error is not null && IsTooLarge(error))
        {
            code = StatusCodes.Status413PayloadTooLarge;
            ViewData["Reason"] = "What you sent is larger than this site accepts. Nothing was saved.";
        }
        else if (error is not null && IsDatabaseUnavailable(error))
        {
            // The page needed the database and it is not there: a temporary condition, said as one.
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "10";
            logger.LogWarning("Answered 503: the database is unavailable ({Message})", error.Message);
        }

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

    private static bool IsDatabaseUnavailable(Exception error) =>
        AnyInChain(error, e => e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException);

    private static bool IsTooLarge(Exception error) => AnyInChain(error, e => e switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        InvalidDataException invalid => invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase),
        _ => false,
    });

    /// <summary>Whether the exception or any exception it wraps matches.</summary>
    private static bool AnyInChain(Exception? error, Func<Exception, bool> match)
    {
        for (; error is not null; error = error.InnerException)
            if (match(error)) return true;
        return false;
    }
}
