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
        // A password the operator reset from the command line is used once: nothing else until the user chooses their own.
        if (SysRift.Core.Security.PasswordReset.MustChange(User) && this is not PasswordController)
        {
            TempData["Message"] = "Your password was reset by the site's operator: choose your own to continue.";
            context.Result = LocalRedirect("/admin/account/password");
            return;
        }

        // A role that requires two-factor sign-in: nothing but its set-up until the user has it.
        if (SysRift.Core.Security.TwoFactor.MustEnrol(User) && this is not TwoFactorController)
        {
            TempData["Message"] = "Your role requires two-factor sign-in: set it up to continue.";
            context.Result = LocalRedirect("/admin/account/two-factor");
            return;
        }

        base.OnActionExecuting(context);
    }

    protected IActionResult RedirectWithMessage(string url, string message)
    {
        TempData["Message"] = message;
        return LocalRedirect(url);
    }

    protected string? Message => TempData["Message"] as string;
}
