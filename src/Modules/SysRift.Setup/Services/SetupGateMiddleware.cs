using Microsoft.AspNetCore.Http;
using SysRift.Core.Site;

namespace SysRift.Setup.Services;

/// <summary>Until setup completes, every page leads to /setup; afterwards /setup is gone.</summary>
public sealed class SetupGateMiddleware(RequestDelegate next, SiteShell shell)
{
    private static readonly string[] AlwaysOpen = ["/health", "/_content", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetup = path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase);
        if (shell.IsRunning)
        {
            if (!isSetup) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (isSetup || AlwaysOpen.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return next(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect("/setup");
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync("This site is not set up yet; open /setup.");
    }
}
