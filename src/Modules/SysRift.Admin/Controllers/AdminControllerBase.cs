using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SysRift.Admin.Controllers;

/// <summary>
/// What every admin controller shares: antiforgery on every unsafe request, no caching of admin pages
/// anywhere, and a flash message carried over a redirect.
/// </summary>
[AutoValidateAntiforgeryToken]
public abstract class AdminControllerBase : Controller
{
    protected string UserName => User.Identity?.Name ?? "";

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        Response.Headers.CacheControl = "no-store";
        base.OnActionExecuting(context);
    }

    protected IActionResult RedirectWithMessage(string url, string message)
    {
        TempData["Message"] = message;
        return LocalRedirect(url);
    }

    protected string? Message => TempData["Message"] as string;
}
